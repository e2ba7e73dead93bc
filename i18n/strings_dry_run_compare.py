"""Translations of the Dry run and Compare strings (report_dialog.cpp,
compare_task.cpp, upgrade_task.cpp, the two buttons of the dialog), merged
into i18n/translations.py by the lead. source: (German, French, Italian)."""

T = {
    # upgrade_task.cpp
    "Only Install and Upgrade have a dry run.": (
        "Nur Installieren und Aktualisieren haben einen Probelauf.",
        "Seules l'installation et la mise à jour ont une simulation.",
        "Solo l'installazione e l'aggiornamento hanno una prova."),
    "schema changes: %1": ("Schemaänderungen: %1", "modifications du schéma : %1", "modifiche allo schema: %1"),
    "Dry run: %1 has nothing to apply. %2": (
        "Probelauf: %1 hat nichts anzuwenden. %2",
        "Simulation : %1 n'a rien à appliquer. %2",
        "Prova: %1 non ha nulla da applicare. %2"),
    "Dry run: %1 would apply %2 (%3) in %4 s. %5": (
        "Probelauf: %1 würde %2 anwenden (%3), in %4 s. %5",
        "Simulation : %1 appliquerait %2 (%3) en %4 s. %5",
        "Prova: %1 applicherebbe %2 (%3) in %4 s. %5"),

    # compare_task.cpp
    "Comparison cancelled.": ("Vergleich abgebrochen.", "Comparaison annulée.", "Confronto annullato."),
    "Comparison failed: %1": ("Vergleich fehlgeschlagen: %1", "La comparaison a échoué : %1", "Confronto non riuscito: %1"),
    "%1 and %2 are equal.": ("%1 und %2 sind gleich.", "%1 et %2 sont identiques.", "%1 e %2 sono uguali."),
    "%1 and %2 differ (differences: %3).": (
        "%1 und %2 unterscheiden sich (Unterschiede: %3).",
        "%1 et %2 diffèrent (différences : %3).",
        "%1 e %2 sono diversi (differenze: %3)."),

    # report_dialog.cpp
    "%1 ms": ("%1 ms", "%1 ms", "%1 ms"),
    "%1 s": ("%1 s", "%1 s", "%1 s"),
    "Tables": ("Tabellen", "Tables", "Tabelle"),
    "Columns": ("Spalten", "Colonnes", "Colonne"),
    "Constraints": ("Constraints", "Contraintes", "Vincoli"),
    "Views": ("Views", "Vues", "Viste"),
    "Sequences": ("Sequenzen", "Séquences", "Sequenze"),
    "Indexes": ("Indizes", "Index", "Indici"),
    "Triggers": ("Trigger", "Déclencheurs", "Trigger"),
    "Functions": ("Funktionen", "Fonctions", "Funzioni"),
    "Rules": ("Regeln", "Règles", "Regole"),
    "Removed": ("Entfernt", "Supprimé", "Rimosso"),
    "Added": ("Hinzugefügt", "Ajouté", "Aggiunto"),
    "Changed": ("Geändert", "Modifié", "Modificato"),
    "Compare": ("Vergleichen", "Comparer", "Confronta"),
    "Item": ("Element", "Élément", "Elemento"),
    "Detail": ("Detail", "Détail", "Dettaglio"),
    "Time": ("Zeit", "Durée", "Tempo"),
    "Summary": ("Übersicht", "Résumé", "Riepilogo"),
    "Report": ("Bericht", "Rapport", "Rapporto"),
    "Save report…": ("Bericht speichern…", "Enregistrer le rapport…", "Salva il rapporto…"),
    "Before: %1": ("Vorher: %1", "Avant : %1", "Prima: %1"),
    "After: %1": ("Nachher: %1", "Après : %1", "Dopo: %1"),
    "Dry run of the install: %1": ("Probelauf der Installation: %1", "Simulation de l'installation : %1", "Prova dell'installazione: %1"),
    "Dry run of the upgrade: %1": ("Probelauf der Aktualisierung: %1", "Simulation de la mise à jour : %1", "Prova dell'aggiornamento: %1"),
    "Dry run of the upgrade of %1 from %2 to %3; schema changes: %4.": (
        "Probelauf der Aktualisierung von %1 von %2 auf %3; Schemaänderungen: %4.",
        "Simulation de la mise à jour de %1 de %2 à %3 ; modifications du schéma : %4.",
        "Prova dell'aggiornamento di %1 da %2 a %3; modifiche allo schema: %4."),
    "Dry run of the install of %1 at version %2; schema changes: %3.": (
        "Probelauf der Installation von %1 in Version %2; Schemaänderungen: %3.",
        "Simulation de l'installation de %1 en version %2 ; modifications du schéma : %3.",
        "Prova dell'installazione di %1 alla versione %2; modifiche allo schema: %3."),
    "Versions to apply": ("Anzuwendende Versionen", "Versions à appliquer", "Versioni da applicare"),
    "Files and hooks": ("Dateien und Hooks", "Fichiers et hooks", "File e hook"),
    "statements: %1": ("Anweisungen: %1", "instructions : %1", "istruzioni: %1"),
    "Schema changes": ("Schemaänderungen", "Modifications du schéma", "Modifiche allo schema"),
    "ACCESS EXCLUSIVE locks": ("ACCESS-EXCLUSIVE-Sperren", "Verrous ACCESS EXCLUSIVE", "Lock ACCESS EXCLUSIVE"),
    "from %1": ("ab %1", "depuis %1", "da %1"),
    "(dropped by the run)": ("(vom Lauf gelöscht)", "(supprimée par l'exécution)", "(eliminata dall'esecuzione)"),
    "(empty table)": ("(leere Tabelle)", "(table vide)", "(tabella vuota)"),
    "Warnings": ("Warnungen", "Avertissements", "Avvisi"),
    "Equal: %1 and %2 have the same structure.": (
        "Gleich: %1 und %2 haben dieselbe Struktur.",
        "Identiques : %1 et %2 ont la même structure.",
        "Uguali: %1 e %2 hanno la stessa struttura."),
    "Different: %1 and %2 differ (differences: %3).": (
        "Verschieden: %1 und %2 unterscheiden sich (Unterschiede: %3).",
        "Différentes : %1 et %2 diffèrent (différences : %3).",
        "Diversi: %1 e %2 sono diversi (differenze: %3)."),
    "Only in %1": ("Nur in %1", "Seulement dans %1", "Solo in %1"),
    "No differences": ("Keine Unterschiede", "Aucune différence", "Nessuna differenza"),
    "Compare %1": ("%1 vergleichen", "Comparer %1", "Confronta %1"),
    "Compare %1 with": ("%1 vergleichen mit", "Comparer %1 avec", "Confronta %1 con"),
    "Choose a connection in the dialog first.": (
        "Wählen Sie zuerst im Dialog eine Verbindung.",
        "Choisissez d'abord une connexion dans la boîte de dialogue.",
        "Scegli prima una connessione nella finestra di dialogo."),
    "There is no other connection to compare with.": (
        "Es gibt keine andere Verbindung zum Vergleichen.",
        "Il n'y a pas d'autre connexion avec laquelle comparer.",
        "Non c'è nessun'altra connessione con cui confrontare."),
    "Choose the connection to compare with.": (
        "Wählen Sie die Verbindung, mit der verglichen werden soll.",
        "Choisissez la connexion avec laquelle comparer.",
        "Scegli la connessione con cui confrontare."),
    "Comparing %1 with %2…": ("%1 wird mit %2 verglichen…", "Comparaison de %1 avec %2…", "Confronto di %1 con %2…"),
    "Compare %1 with %2": ("%1 mit %2 vergleichen", "Comparer %1 avec %2", "Confronta %1 con %2"),
    "There is no report to save yet.": (
        "Es gibt noch keinen Bericht zum Speichern.",
        "Il n'y a pas encore de rapport à enregistrer.",
        "Non c'è ancora nessun rapporto da salvare."),
    "Cannot write %1: %2": ("%1 kann nicht geschrieben werden: %2", "Impossible d'écrire %1 : %2", "Impossibile scrivere %1: %2"),
    "Save report": ("Bericht speichern", "Enregistrer le rapport", "Salva il rapporto"),
    "HTML page (*.html);;JSON (*.json)": ("HTML-Seite (*.html);;JSON (*.json)", "Page HTML (*.html);;JSON (*.json)", "Pagina HTML (*.html);;JSON (*.json)"),

    # pum_dialog.ui / pum_dialog.cpp: the two buttons
    "Dry run": ("Probelauf", "Simulation", "Prova"),
    "Run Install or Upgrade (whichever the status allows) inside its transaction, roll it back, and show what it would change": (
        "Installieren oder Aktualisieren (je nach Status) in seiner Transaktion ausführen, zurückrollen und zeigen, was es ändern würde",
        "Exécuter l'installation ou la mise à jour (selon l'état) dans sa transaction, l'annuler, et montrer ce qu'elle changerait",
        "Esegue l'installazione o l'aggiornamento (secondo lo stato) nella sua transazione, lo annulla e mostra cosa cambierebbe"),
    "Compare…": ("Vergleichen…", "Comparer…", "Confronta…"),
    "Compare the structure of this database with another connection": (
        "Die Struktur dieser Datenbank mit einer anderen Verbindung vergleichen",
        "Comparer la structure de cette base de données avec une autre connexion",
        "Confronta la struttura di questo database con un'altra connessione"),
}
