"""Translations of the dry run's messages (upgrade_task.cpp) and of the report
window's note on a report too long to show (report_dialog.cpp): in the code
since the dry-run commits, but not yet extracted into the .ts files by lupdate.
Terms as in strings_dry_run_compare.py ("Dry run", "schema changes", "Save report…").
source: (German, French, Italian)."""

T = {
    # report_dialog.cpp
    "This report lists %1 schema changes, too many to show here. Save report… writes it as an HTML page for a web browser, or as JSON.": (
        "Dieser Bericht listet %1 Schemaänderungen, zu viele, um sie hier anzuzeigen. «Bericht speichern…» schreibt ihn als HTML-Seite für einen Webbrowser oder als JSON.",
        "Ce rapport liste %1 modifications du schéma, trop pour les afficher ici. « Enregistrer le rapport… » l'écrit comme page HTML pour un navigateur web, ou en JSON.",
        "Questo rapporto elenca %1 modifiche allo schema, troppe per mostrarle qui. «Salva il rapporto…» lo scrive come pagina HTML per un browser web, o come JSON."),
    # upgrade_task.cpp
    "%1 schema changes": ("%1 Schemaänderungen", "%1 modifications du schéma", "%1 modifiche allo schema"),
    "Dry run: %1 is up to date; recreating its application would make %2, in %3 s. %4": (
        "Probelauf: %1 ist aktuell; die Anwendung neu zu erstellen ergäbe %2, in %3 s. %4",
        "Simulation : %1 est à jour ; recréer son application ferait %2, en %3 s. %4",
        "Prova: %1 è aggiornato; ricreare la sua applicazione produrrebbe %2, in %3 s. %4"),
    "Dry run: would upgrade %1 from %2 to %3, %4, in %5 s. %6": (
        "Probelauf: würde %1 von %2 auf %3 aktualisieren, %4, in %5 s. %6",
        "Simulation : mettrait à jour %1 de %2 à %3, %4, en %5 s. %6",
        "Prova: aggiornerebbe %1 da %2 a %3, %4, in %5 s. %6"),
    "Dry run: would install %1 %2, %3, in %4 s. %5": (
        "Probelauf: würde %1 %2 installieren, %3, in %4 s. %5",
        "Simulation : installerait %1 %2, %3, en %4 s. %5",
        "Prova: installerebbe %1 %2, %3, in %4 s. %5"),
    "%1: dry run of %2": ("%1: Probelauf von %2", "%1 : simulation de %2", "%1: prova di %2"),
}
