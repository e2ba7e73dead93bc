"""Translations of the parameter form's lock note (parameter_form.cpp).
source: (German, French, Italian)."""

T = {
    "Fixed when the module was installed; changing it needs a reinstall.": (
        "Bei der Installation des Moduls festgelegt; eine Änderung erfordert eine Neuinstallation.",
        "Fixé à l'installation du module ; le changer demande une réinstallation.",
        "Fissato all'installazione del modulo; per cambiarlo serve una reinstallazione."),
}
