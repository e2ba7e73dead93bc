"""Translations of the Validate button and its findings (pum_dialog.ui, pum_dialog.cpp,
validate_task.cpp). source: (German, French, Italian)."""

T = {
    "Check the module's SQL and Python files without a database: PostgreSQL's own parser, parameters, versions": (
        "Die SQL- und Python-Dateien des Moduls ohne Datenbank prüfen: PostgreSQLs eigener Parser, Parameter, Versionen",
        "Vérifier les fichiers SQL et Python du module sans base de données : l'analyseur de PostgreSQL lui-même, les paramètres, les versions",
        "Controlla i file SQL e Python del modulo senza database: il parser di PostgreSQL stesso, i parametri, le versioni"),
    "Validate": ("Prüfen", "Valider", "Convalida"),
    "Run Install and Upgrade although Validate found errors": (
        "Installieren und Aktualisieren trotz der von «Prüfen» gefundenen Fehler erlauben",
        "Permettre l'installation et la mise à jour malgré les erreurs trouvées par « Valider »",
        "Consenti installazione e aggiornamento nonostante gli errori trovati da «Convalida»"),
    "Ignore validation errors": ("Prüffehler ignorieren", "Ignorer les erreurs de validation", "Ignora gli errori di convalida"),
    "Validating %1…": ("%1 wird geprüft…", "Validation de %1…", "Convalida di %1…"),
    "Validation could not run: %1": (
        "Die Prüfung konnte nicht ausgeführt werden: %1",
        "La validation n'a pas pu s'exécuter : %1",
        "Impossibile eseguire la convalida: %1"),
    "%1 files and %2 statements checked: errors: %3, warnings: %4": (
        "%1 Dateien und %2 Anweisungen geprüft: Fehler: %3, Warnungen: %4",
        "%1 fichiers et %2 instructions vérifiés : erreurs : %3, avertissements : %4",
        "%1 file e %2 istruzioni controllati: errori: %3, avvisi: %4"),
    "Double-click a finding to open its file at its line.": (
        "Doppelklick auf einen Befund öffnet seine Datei an dieser Zeile.",
        "Double-cliquez sur un résultat pour ouvrir son fichier à cette ligne.",
        "Fai doppio clic su un risultato per aprirne il file a quella riga."),
    "Install and Upgrade wait until Validate finds no error, or until you tick Ignore validation errors.": (
        "Installieren und Aktualisieren warten, bis «Prüfen» keinen Fehler mehr findet oder «Prüffehler ignorieren» angekreuzt ist.",
        "L'installation et la mise à jour attendent que « Valider » ne trouve plus d'erreur, ou que vous cochiez « Ignorer les erreurs de validation ».",
        "Installazione e aggiornamento attendono finché «Convalida» non trova più errori, o finché non selezioni «Ignora gli errori di convalida»."),
    "Could not start the editor %1 (setting %2)": (
        "Der Editor %1 konnte nicht gestartet werden (Einstellung %2)",
        "Impossible de lancer l'éditeur %1 (paramètre %2)",
        "Impossibile avviare l'editor %1 (impostazione %2)"),
    "Validate %1": ("%1 prüfen", "Valider %1", "Convalida %1"),
}
