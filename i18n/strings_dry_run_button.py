"""Translations of the Dry run button's tooltip (pum_dialog.cpp): what it would
do, or why it is off. source: (German, French, Italian)."""

T = {
    "Run the upgrade and roll it back: the report lists every change it would make": (
        "Die Aktualisierung ausführen und zurückrollen: der Bericht listet jede Änderung, die sie vornehmen würde",
        "Exécuter la mise à jour puis l'annuler : le rapport liste chaque changement qu'elle ferait",
        "Eseguire l'aggiornamento e annullarlo: il rapporto elenca ogni modifica che farebbe"),
    "Run the install and roll it back: the report lists every change it would make": (
        "Die Installation ausführen und zurückrollen: der Bericht listet jede Änderung, die sie vornehmen würde",
        "Exécuter l'installation puis l'annuler : le rapport liste chaque changement qu'elle ferait",
        "Eseguire l'installazione e annullarla: il rapporto elenca ogni modifica che farebbe"),
    "Not while a command runs": (
        "Nicht, während ein Befehl läuft",
        "Pas pendant qu'une commande s'exécute",
        "Non mentre un comando è in esecuzione"),
    "Correct the parameters, or the errors Validate found, first": (
        "Zuerst die Parameter oder die von «Prüfen» gefundenen Fehler korrigieren",
        "Corrigez d'abord les paramètres, ou les erreurs trouvées par « Valider »",
        "Correggere prima i parametri, o gli errori trovati da «Convalida»"),
    "Nothing to try: the database is up to date. Recreate app rebuilds the application layer.": (
        "Nichts zu testen: die Datenbank ist aktuell. «Anwendung neu erstellen» baut die Anwendungsschicht neu auf.",
        "Rien à essayer : la base de données est à jour. « Recréer l'application » reconstruit la couche applicative.",
        "Niente da provare: il database è aggiornato. «Ricrea l'applicazione» ricostruisce lo strato applicativo."),
    "Available when there is something to install or upgrade": (
        "Verfügbar, wenn es etwas zu installieren oder zu aktualisieren gibt",
        "Disponible quand il y a quelque chose à installer ou à mettre à jour",
        "Disponibile quando c'è qualcosa da installare o aggiornare"),
}
