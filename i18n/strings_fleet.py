"""Translations of the Fleet strings (fleet_dialog.cpp, fleet_task.cpp,
plugin/widgets/fleet_table_model.cpp and the main dialog's Fleet button),
merged into i18n/translations.py by the lead. source: (German, French, Italian).
Strings already in translations.py ("Upgrade", "Cancelling…", "%1: %2", "%1 s",
"%1 (%2)", "Time", "Cannot write %1: %2", "Python hooks are not available: %1")
are not repeated here."""

T = {
    # fleet_dialog.cpp
    "Fleet: %1": ("Flotte: %1", "Flotte : %1", "Flotta: %1"),
    "Databases": ("Datenbanken", "Bases de données", "Database"),
    "The connections checked below": (
        "Die unten angekreuzten Verbindungen",
        "Les connexions cochées ci-dessous",
        "Le connessioni selezionate qui sotto"),
    "Every database holding %1 on the server of": (
        "Jede Datenbank mit %1 auf dem Server von",
        "Chaque base de données contenant %1 sur le serveur de",
        "Ogni database che contiene %1 sul server di"),
    "named like": ("mit Namen wie", "dont le nom ressemble à", "con nome come"),
    "muni_% (empty: all)": ("gemeinde_% (leer: alle)", "commune_% (vide : toutes)", "comune_% (vuoto: tutti)"),
    "An SQL LIKE pattern on the database names: % matches any text, _ one character.": (
        "Ein SQL-LIKE-Muster für die Datenbanknamen: % steht für beliebigen Text, _ für ein Zeichen.",
        "Un motif SQL LIKE sur les noms des bases de données : % correspond à n'importe quel texte, _ à un caractère.",
        "Un modello SQL LIKE sui nomi dei database: % corrisponde a qualsiasi testo, _ a un carattere."),
    "Databases at once": ("Datenbanken gleichzeitig", "Bases de données à la fois", "Database alla volta"),
    "How many databases run at the same time, each in its own connection and transaction.": (
        "Wie viele Datenbanken gleichzeitig laufen, jede in ihrer eigenen Verbindung und Transaktion.",
        "Combien de bases de données sont traitées en même temps, chacune dans sa propre connexion et transaction.",
        "Quanti database vengono elaborati contemporaneamente, ciascuno nella propria connessione e transazione."),
    "Show the installed and the pending versions of each database.": (
        "Die installierte und die ausstehenden Versionen jeder Datenbank anzeigen.",
        "Afficher la version installée et les versions en attente de chaque base de données.",
        "Mostra la versione installata e quelle in sospeso di ogni database."),
    "Run the upgrade in each database, report what it would change, then roll back.": (
        "Die Aktualisierung in jeder Datenbank ausführen, melden, was sie ändern würde, dann zurückrollen.",
        "Exécuter la mise à jour dans chaque base de données, indiquer ce qu'elle changerait, puis tout annuler.",
        "Esegue l'aggiornamento in ogni database, riporta cosa cambierebbe, poi annulla tutto."),
    "Upgrade each database in its own transaction: a failure rolls back that database only.": (
        "Jede Datenbank in ihrer eigenen Transaktion aktualisieren: ein Fehler rollt nur diese Datenbank zurück.",
        "Mettre à jour chaque base de données dans sa propre transaction : un échec n'annule que cette base.",
        "Aggiorna ogni database nella propria transazione: un errore annulla solo quel database."),
    "Cancel selected": ("Auswahl abbrechen", "Annuler la sélection", "Annulla selezionati"),
    "Cancel all": ("Alle abbrechen", "Tout annuler", "Annulla tutti"),
    "Export HTML…": ("Als HTML exportieren…", "Exporter en HTML…", "Esporta HTML…"),
    "Export CSV…": ("Als CSV exportieren…", "Exporter en CSV…", "Esporta CSV…"),
    "the newest version": ("die neueste Version", "la version la plus récente", "la versione più recente"),
    "Module %1, up to %2.": ("Modul %1, bis %2.", "Module %1, jusqu'à %2.", "Modulo %1, fino a %2."),
    "Parameters: %1.": ("Parameter: %1.", "Paramètres : %1.", "Parametri: %1."),
    "Info": ("Info", "Infos", "Info"),
    "Dry run": ("Probelauf", "Simulation", "Prova"),
    "Choose the connection whose server to search.": (
        "Wählen Sie die Verbindung, deren Server durchsucht werden soll.",
        "Choisissez la connexion dont le serveur doit être parcouru.",
        "Scegli la connessione il cui server va esaminato."),
    "Check at least one connection, or choose every database of a server.": (
        "Kreuzen Sie mindestens eine Verbindung an, oder wählen Sie alle Datenbanken eines Servers.",
        "Cochez au moins une connexion, ou choisissez toutes les bases de données d'un serveur.",
        "Seleziona almeno una connessione, oppure scegli tutti i database di un server."),
    "Invalid parameter: %1": ("Ungültiger Parameter: %1", "Paramètre invalide : %1", "Parametro non valido: %1"),
    "Upgrade %1 in every database of the server of %2 that holds it?\n\nEach database is upgraded in its own transaction.": (
        "%1 in jeder Datenbank des Servers von %2 aktualisieren, die es enthält?\n\nJede Datenbank wird in ihrer eigenen Transaktion aktualisiert.",
        "Mettre à jour %1 dans chaque base de données du serveur de %2 qui le contient ?\n\nChaque base de données est mise à jour dans sa propre transaction.",
        "Aggiornare %1 in ogni database del server di %2 che lo contiene?\n\nOgni database viene aggiornato nella propria transazione."),
    "Upgrade %1 in %2 databases?\n\nEach database is upgraded in its own transaction.": (
        "%1 in %2 Datenbanken aktualisieren?\n\nJede Datenbank wird in ihrer eigenen Transaktion aktualisiert.",
        "Mettre à jour %1 dans %2 bases de données ?\n\nChaque base de données est mise à jour dans sa propre transaction.",
        "Aggiornare %1 in %2 database?\n\nOgni database viene aggiornato nella propria transazione."),
    "Looking for the databases holding %1…": (
        "Suche nach den Datenbanken mit %1…",
        "Recherche des bases de données contenant %1…",
        "Ricerca dei database che contengono %1…"),
    "Starting…": ("Wird gestartet…", "Démarrage…", "Avvio…"),
    "%1, %2 databases at once": ("%1, %2 Datenbanken gleichzeitig", "%1, %2 bases de données à la fois", "%1, %2 database alla volta"),
    "%1: fleet %2": ("%1: Flotte %2", "%1 : flotte %2", "%1: flotta %2"),
    "Skipped %1: %2": ("%1 übersprungen: %2", "%1 ignorée : %2", "%1 saltato: %2"),
    "%1 of %2 databases done": ("%1 von %2 Datenbanken fertig", "%1 sur %2 bases de données terminées", "%1 di %2 database completati"),
    "%1 databases in %2 s (%3 at once). %4": (
        "%1 Datenbanken in %2 s (%3 gleichzeitig). %4",
        "%1 bases de données en %2 s (%3 à la fois). %4",
        "%1 database in %2 s (%3 alla volta). %4"),
    "Cancelling: every database not committed yet rolls back.": (
        "Abbruch: jede noch nicht bestätigte Datenbank wird zurückgerollt.",
        "Annulation : chaque base de données pas encore validée est remise dans son état initial.",
        "Annullamento: ogni database non ancora confermato viene riportato allo stato iniziale."),
    "Cancelling %1: it rolls back unless it is committing already.": (
        "%1 wird abgebrochen: sie wird zurückgerollt, sofern sie nicht schon bestätigt wird.",
        "Annulation de %1 : elle est remise dans son état initial, sauf si sa validation a déjà commencé.",
        "Annullamento di %1: viene riportato allo stato iniziale, a meno che la conferma sia già in corso."),
    "Cancel %1": ("%1 abbrechen", "Annuler %1", "Annulla %1"),
    "Nothing to export yet: run Info, Dry run or Upgrade first.": (
        "Noch nichts zu exportieren: zuerst Info, Probelauf oder Aktualisieren ausführen.",
        "Rien à exporter pour l'instant : lancez d'abord Infos, Simulation ou Mettre à jour.",
        "Ancora niente da esportare: esegui prima Info, Prova o Aggiorna."),
    "%1: choose a file ending in .html or .csv.": (
        "%1: wählen Sie eine Datei mit der Endung .html oder .csv.",
        "%1 : choisissez un fichier se terminant par .html ou .csv.",
        "%1: scegli un file che termina con .html o .csv."),
    "CSV table (*.csv)": ("CSV-Tabelle (*.csv)", "Tableau CSV (*.csv)", "Tabella CSV (*.csv)"),
    "HTML page (*.html)": ("HTML-Seite (*.html)", "Page HTML (*.html)", "Pagina HTML (*.html)"),
    "Export the summary": ("Zusammenfassung exportieren", "Exporter le résumé", "Esporta il riepilogo"),
    "Summary written to %1": ("Zusammenfassung nach %1 geschrieben", "Résumé écrit dans %1", "Riepilogo scritto in %1"),
    # fleet_task.cpp
    "No database of this server holds module %1.": (
        "Keine Datenbank dieses Servers enthält das Modul %1.",
        "Aucune base de données de ce serveur ne contient le module %1.",
        "Nessun database di questo server contiene il modulo %1."),
    "No database of this server named like %1 holds module %2.": (
        "Keine Datenbank dieses Servers mit Namen wie %1 enthält das Modul %2.",
        "Aucune base de données de ce serveur dont le nom ressemble à %1 ne contient le module %2.",
        "Nessun database di questo server con nome come %1 contiene il modulo %2."),
    "Cancelled before any database was started.": (
        "Abgebrochen, bevor eine Datenbank gestartet wurde.",
        "Annulé avant le démarrage de toute base de données.",
        "Annullato prima dell'avvio di qualsiasi database."),
    # fleet_table_model.cpp
    "Not run": ("Nicht ausgeführt", "Non exécutée", "Non eseguito"),
    "Upgraded": ("Aktualisiert", "Mise à jour", "Aggiornato"),
    "Up to date": ("Aktuell", "À jour", "Aggiornato"),
    "Upgrade pending": ("Aktualisierung ausstehend", "Mise à jour en attente", "Aggiornamento in sospeso"),
    "Would upgrade": ("Würde aktualisieren", "Serait mise à jour", "Verrebbe aggiornato"),
    "Not installed": ("Nicht installiert", "Non installé", "Non installato"),
    "Failed": ("Fehlgeschlagen", "Échec", "Non riuscito"),
    "Cancelled": ("Abgebrochen", "Annulée", "Annullato"),
    "Waiting": ("Wartet", "En attente", "In attesa"),
    "Running: %1 of %2 steps": ("Läuft: %1 von %2 Schritten", "En cours : %1 étapes sur %2", "In corso: %1 di %2 passi"),
    "Running": ("Läuft", "En cours", "In corso"),
    "Versions: %1": ("Versionen: %1", "Versions : %1", "Versioni: %1"),
    "Database": ("Datenbank", "Base de données", "Database"),
    "From": ("Von", "De", "Da"),
    "To": ("Nach", "À", "A"),
    "State": ("Zustand", "État", "Stato"),
    "Message": ("Meldung", "Message", "Messaggio"),
    # pum_dialog.cpp: the button that opens the Fleet dialog
    "Fleet…": ("Flotte…", "Flotte…", "Flotta…"),
    "Run Info, Dry run or Upgrade of this module over many databases at once": (
        "Info, Probelauf oder Aktualisieren dieses Moduls über viele Datenbanken gleichzeitig ausführen",
        "Lancer Infos, Simulation ou Mettre à jour de ce module sur plusieurs bases de données à la fois",
        "Esegui Info, Prova o Aggiorna di questo modulo su molti database alla volta"),
}
