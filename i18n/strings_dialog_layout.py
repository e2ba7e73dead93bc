"""Translations of the dialog's log controls (pum_dialog.ui, pum_dialog.cpp) and
of the log's levels (plugin/widgets/log_view.cpp). "Warnings" is already in
strings_dry_run_compare.py and "Cannot write %1: %2" there too.
source: (German, French, Italian)."""

T = {
    # pum_dialog.ui
    "Log": ("Protokoll", "Journal", "Registro"),
    "Show or hide the log": ("Protokoll ein- oder ausblenden", "Afficher ou masquer le journal", "Mostra o nascondi il registro"),
    "What the log shows: Warnings (errors and warnings), Normal (what runs, a line per file), Detailed (also each step as it starts, the server's notices and each statement). Every message is kept: a level chosen later shows the earlier ones too.": (
        "Was das Protokoll zeigt: Warnungen (Fehler und Warnungen), Normal (was läuft, eine Zeile je Datei), Ausführlich (auch jeder Schritt bei seinem Beginn, die Hinweise des Servers und jede Anweisung). Jede Meldung wird behalten: eine später gewählte Stufe zeigt auch die früheren.",
        "Ce que montre le journal : Avertissements (erreurs et avertissements), Normal (ce qui s'exécute, une ligne par fichier), Détaillé (aussi chaque étape à son début, les notices du serveur et chaque instruction). Chaque message est conservé : un niveau choisi plus tard montre aussi les précédents.",
        "Cosa mostra il registro: Avvisi (errori e avvisi), Normale (ciò che viene eseguito, una riga per file), Dettagliato (anche ogni passo al suo inizio, le notifiche del server e ogni istruzione). Ogni messaggio viene conservato: un livello scelto in seguito mostra anche quelli precedenti."),
    "Write every message of the log, at every level, with its time, to a text file": (
        "Jede Meldung des Protokolls, auf jeder Stufe, mit ihrer Zeit in eine Textdatei schreiben",
        "Écrire chaque message du journal, à tous les niveaux, avec son heure, dans un fichier texte",
        "Scrivi ogni messaggio del registro, a ogni livello, con la sua ora, in un file di testo"),
    "Save log…": ("Protokoll speichern…", "Enregistrer le journal…", "Salva il registro…"),
    # pum_dialog.cpp
    "Save the log": ("Protokoll speichern", "Enregistrer le journal", "Salva il registro"),
    "Log files (*.log *.txt)": ("Protokolldateien (*.log *.txt)", "Fichiers journaux (*.log *.txt)", "File di registro (*.log *.txt)"),
    "Save log": ("Protokoll speichern", "Enregistrer le journal", "Salva il registro"),
    "Log saved to %1": ("Protokoll gespeichert in %1", "Journal enregistré dans %1", "Registro salvato in %1"),
    # log_view.cpp: the three levels, as the CLI's -q, default and -v
    "Normal": ("Normal", "Normal", "Normale"),
    "Detailed": ("Ausführlich", "Détaillé", "Dettagliato"),
}
