"""Translations of what the status says is installed (plugin/widgets/module_status.cpp)
and of a long step's time (pum_dialog.cpp): strings of the commits 'Status names
what is installed' and 'Dialog: one bar in percent through the whole command',
brought into the .ts files by the lupdate run for the dialog's layout.
Terms as elsewhere ("Betatest", "Demodaten"...). source: (German, French, Italian)."""

T = {
    # module_status.cpp
    "Version %1 installed on %2%3.": (
        "Version %1 installiert am %2%3.", "Version %1 installée le %2%3.", "Versione %1 installata il %2%3."),
    ", for beta testing": (", für den Betatest", ", pour le bêta-test", ", per il beta test"),
    "Parameters other than the defaults: %1.": (
        "Parameter mit anderen als den Standardwerten: %1.",
        "Paramètres autres que les valeurs par défaut : %1.",
        "Parametri diversi dai valori predefiniti: %1."),
    "No demo data loaded.": ("Keine Demodaten geladen.", "Aucune donnée de démo chargée.", "Nessun dato dimostrativo caricato."),
    "Demo data loaded: %1.": ("Geladene Demodaten: %1.", "Données de démo chargées : %1.", "Dati dimostrativi caricati: %1."),
    # pum_dialog.cpp: a step running for 2 s or more shows its time
    "%1 (%2 s)": ("%1 (%2 s)", "%1 (%2 s)", "%1 (%2 s)"),
}
