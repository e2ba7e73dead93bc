<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>pumqgis::CompareTask</name>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Confronto annullato.</translation>
    </message>
    <message>
        <source>Comparison failed: %1</source>
        <translation>Confronto non riuscito: %1</translation>
    </message>
    <message>
        <source>%1 and %2 are equal.</source>
        <translation>%1 e %2 sono uguali.</translation>
    </message>
    <message>
        <source>%1 and %2 differ (differences: %3).</source>
        <translation>%1 e %2 sono diversi (differenze: %3).</translation>
    </message>
</context>
<context>
    <name>pumqgis::ConnectionList</name>
    <message>
        <source>%1 (pg_service)</source>
        <translation>%1 (pg_service)</translation>
    </message>
    <message>
        <source>The authentication configuration %1 of connection %2 could not be read (wrong master password, or the configuration was deleted).</source>
        <translation>Impossibile leggere la configurazione di autenticazione %1 della connessione %2 (password principale errata, oppure la configurazione è stata eliminata).</translation>
    </message>
</context>
<context>
    <name>pumqgis::FleetDialog</name>
    <message>
        <source>Fleet: %1</source>
        <translation>Flotta: %1</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>The connections checked below</source>
        <translation>Le connessioni selezionate qui sotto</translation>
    </message>
    <message>
        <source>Every database holding %1 on the server of</source>
        <translation>Ogni database che contiene %1 sul server di</translation>
    </message>
    <message>
        <source>named like</source>
        <translation>con nome come</translation>
    </message>
    <message>
        <source>muni_% (empty: all)</source>
        <translation>comune_% (vuoto: tutti)</translation>
    </message>
    <message>
        <source>An SQL LIKE pattern on the database names: % matches any text, _ one character.</source>
        <translation>Un modello SQL LIKE sui nomi dei database: % corrisponde a qualsiasi testo, _ a un carattere.</translation>
    </message>
    <message>
        <source>Databases at once</source>
        <translation>Database alla volta</translation>
    </message>
    <message>
        <source>How many databases run at the same time, each in its own connection and transaction.</source>
        <translation>Quanti database vengono elaborati contemporaneamente, ciascuno nella propria connessione e transazione.</translation>
    </message>
    <message>
        <source>Show the installed and the pending versions of each database.</source>
        <translation>Mostra la versione installata e quelle in sospeso di ogni database.</translation>
    </message>
    <message>
        <source>Run the upgrade in each database, report what it would change, then roll back.</source>
        <translation>Esegue l'aggiornamento in ogni database, riporta cosa cambierebbe, poi annulla tutto.</translation>
    </message>
    <message>
        <source>Upgrade each database in its own transaction: a failure rolls back that database only.</source>
        <translation>Aggiorna ogni database nella propria transazione: un errore annulla solo quel database.</translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation>Annulla selezionati</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Annulla tutti</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>Esporta HTML…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Esporta CSV…</translation>
    </message>
    <message>
        <source>the newest version</source>
        <translation>la versione più recente</translation>
    </message>
    <message>
        <source>Module %1, up to %2.</source>
        <translation>Modulo %1, fino a %2.</translation>
    </message>
    <message>
        <source>Parameters: %1.</source>
        <translation>Parametri: %1.</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Prova</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Choose the connection whose server to search.</source>
        <translation>Scegli la connessione il cui server va esaminato.</translation>
    </message>
    <message>
        <source>Check at least one connection, or choose every database of a server.</source>
        <translation>Seleziona almeno una connessione, oppure scegli tutti i database di un server.</translation>
    </message>
    <message>
        <source>Invalid parameter: %1</source>
        <translation>Parametro non valido: %1</translation>
    </message>
    <message>
        <source>Upgrade %1 in every database of the server of %2 that holds it?

Each database is upgraded in its own transaction.</source>
        <translation>Aggiornare %1 in ogni database del server di %2 che lo contiene?

Ogni database viene aggiornato nella propria transazione.</translation>
    </message>
    <message>
        <source>Upgrade %1 in %2 databases?

Each database is upgraded in its own transaction.</source>
        <translation>Aggiornare %1 in %2 database?

Ogni database viene aggiornato nella propria transazione.</translation>
    </message>
    <message>
        <source>Python hooks are not available: %1</source>
        <translation>Gli hook Python non sono disponibili: %1</translation>
    </message>
    <message>
        <source>Looking for the databases holding %1…</source>
        <translation>Ricerca dei database che contengono %1…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Avvio…</translation>
    </message>
    <message>
        <source>%1, %2 databases at once</source>
        <translation>%1, %2 database alla volta</translation>
    </message>
    <message>
        <source>%1: fleet %2</source>
        <translation>%1: flotta %2</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>%1 saltato: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 databases done</source>
        <translation>%1 di %2 database completati</translation>
    </message>
    <message>
        <source>%1 databases in %2 s (%3 at once). %4</source>
        <translation>%1 database in %2 s (%3 alla volta). %4</translation>
    </message>
    <message>
        <source>Cancelling: every database not committed yet rolls back.</source>
        <translation>Annullamento: ogni database non ancora confermato viene riportato allo stato iniziale.</translation>
    </message>
    <message>
        <source>Cancelling %1: it rolls back unless it is committing already.</source>
        <translation>Annullamento di %1: viene riportato allo stato iniziale, a meno che la conferma sia già in corso.</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>Annulla %1</translation>
    </message>
    <message>
        <source>Nothing to export yet: run Info, Dry run or Upgrade first.</source>
        <translation>Ancora niente da esportare: esegui prima Info, Prova o Aggiorna.</translation>
    </message>
    <message>
        <source>%1: choose a file ending in .html or .csv.</source>
        <translation>%1: scegli un file che termina con .html o .csv.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tabella CSV (*.csv)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>Pagina HTML (*.html)</translation>
    </message>
    <message>
        <source>Export the summary</source>
        <translation>Esporta il riepilogo</translation>
    </message>
    <message>
        <source>Summary written to %1</source>
        <translation>Riepilogo scritto in %1</translation>
    </message>
</context>
<context>
    <name>pumqgis::FleetTask</name>
    <message>
        <source>No database of this server holds module %1.</source>
        <translation>Nessun database di questo server contiene il modulo %1.</translation>
    </message>
    <message>
        <source>No database of this server named like %1 holds module %2.</source>
        <translation>Nessun database di questo server con nome come %1 contiene il modulo %2.</translation>
    </message>
    <message>
        <source>Cancelled before any database was started.</source>
        <translation>Annullato prima dell'avvio di qualsiasi database.</translation>
    </message>
</context>
<context>
    <name>pumqgis::ModuleArchive</name>
    <message>
        <source>a NUL character in the name</source>
        <translation>un carattere NUL nel nome</translation>
    </message>
    <message>
        <source>an absolute path</source>
        <translation>un percorso assoluto</translation>
    </message>
    <message>
        <source>a drive letter</source>
        <translation>una lettera di unità</translation>
    </message>
    <message>
        <source>a ".." component, outside of the folder it is unpacked to</source>
        <translation>un componente "..", fuori dalla cartella in cui viene estratto</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossibile leggere %1: %2.</translation>
    </message>
    <message>
        <source>%1 is not a zip archive (no zip directory at its end).</source>
        <translation>%1 non è un archivio zip (nessuna directory zip alla fine).</translation>
    </message>
    <message>
        <source>%1 holds %2 files, more than the %3 a module archive may hold.</source>
        <translation>%1 contiene %2 file, più dei %3 che un archivio di modulo può contenere.</translation>
    </message>
    <message>
        <source>%1 is not a zip archive (its directory is damaged at entry %2).</source>
        <translation>%1 non è un archivio zip (la sua directory è danneggiata alla voce %2).</translation>
    </message>
    <message>
        <source>The module archive %1 does not exist.</source>
        <translation>L'archivio del modulo %1 non esiste.</translation>
    </message>
    <message>
        <source>%1 is refused: its entry "%2" has %3.</source>
        <translation>%1 è rifiutato: la sua voce "%2" contiene %3.</translation>
    </message>
    <message>
        <source>%1 is refused: unpacked it would take more than %2 MiB.</source>
        <translation>%1 è rifiutato: estratto occuperebbe più di %2 MiB.</translation>
    </message>
    <message>
        <source>%1 holds no .pum.yaml: it is not a pum module archive.</source>
        <translation>%1 non contiene alcun .pum.yaml: non è un archivio di modulo pum.</translation>
    </message>
    <message>
        <source>%1 holds several modules, one .pum.yaml is expected: %2.</source>
        <translation>%1 contiene più moduli, è previsto un solo .pum.yaml: %2.</translation>
    </message>
    <message>
        <source>Cannot create the cache folder %1.</source>
        <translation>Impossibile creare la cartella della cache %1.</translation>
    </message>
    <message>
        <source>Cannot unpack %1 into %2.</source>
        <translation>Impossibile estrarre %1 in %2.</translation>
    </message>
    <message>
        <source>Cannot move the unpacked archive to %1.</source>
        <translation>Impossibile spostare l'archivio estratto in %1.</translation>
    </message>
    <message>
        <source>The module in %1 (%2) cannot be read: %3</source>
        <translation>Il modulo in %1 (%2) non può essere letto: %3</translation>
    </message>
</context>
<context>
    <name>pumqgis::ProjectOpener</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossibile creare la cartella %1.</translation>
    </message>
    <message>
        <source>%1 would be written over itself: choose another folder.</source>
        <translation>%1 verrebbe sovrascritto su se stesso: scegli un'altra cartella.</translation>
    </message>
    <message>
        <source>Cannot read the project %1: %2.</source>
        <translation>Impossibile leggere il progetto %1: %2.</translation>
    </message>
    <message>
        <source>The project %1 is not valid XML (line %2, column %3): %4.</source>
        <translation>Il progetto %1 non è XML valido (riga %2, colonna %3): %4.</translation>
    </message>
    <message>
        <source>Cannot write the project %1: %2.</source>
        <translation>Impossibile scrivere il progetto %1: %2.</translation>
    </message>
    <message>
        <source>Cannot unpack the project %1.</source>
        <translation>Impossibile estrarre il progetto %1.</translation>
    </message>
    <message>
        <source>The project %1 holds %2 .qgs files, one is expected.</source>
        <translation>Il progetto %1 contiene %2 file .qgs, ne è previsto uno solo.</translation>
    </message>
    <message>
        <source>Cannot write the project %1.</source>
        <translation>Impossibile scrivere il progetto %1.</translation>
    </message>
    <message>
        <source>Open the QGIS project…</source>
        <translation>Apri il progetto QGIS…</translation>
    </message>
    <message>
        <source>QGIS project</source>
        <translation>Progetto QGIS</translation>
    </message>
    <message>
        <source>The module ships a QGIS project: open it with its layers on %1.</source>
        <translation>Il modulo include un progetto QGIS: aprilo con i suoi layer su %1.</translation>
    </message>
    <message>
        <source>The module ships %1 QGIS projects: open one with its layers on %2.</source>
        <translation>Il modulo include %1 progetti QGIS: aprine uno con i suoi layer su %2.</translation>
    </message>
    <message>
        <source>Project to open:</source>
        <translation>Progetto da aprire:</translation>
    </message>
    <message>
        <source>Folder to write the QGIS project to</source>
        <translation>Cartella in cui scrivere il progetto QGIS</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>Impossibile aprire %1: %2</translation>
    </message>
    <message>
        <source>Opened %1, its PostgreSQL layers pointed at %2: %3.</source>
        <translation>%1 aperto, i suoi layer PostgreSQL puntano a %2: %3.</translation>
    </message>
</context>
<context>
    <name>pumqgis::PumDialog</name>
    <message>
        <source>Datamodel manager (pum)</source>
        <translation>Gestione modelli di dati (pum)</translation>
    </message>
    <message>
        <source>QGIS's saved PostgreSQL connections and the services of pg_service.conf</source>
        <translation>Le connessioni PostgreSQL salvate in QGIS e i servizi di pg_service.conf</translation>
    </message>
    <message>
        <source>Reload the connections</source>
        <translation>Ricarica le connessioni</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connessione</translation>
    </message>
    <message>
        <source>The datamodel's folder: the one holding its .pum.yaml</source>
        <translation>La cartella del modello di dati: quella che contiene il suo .pum.yaml</translation>
    </message>
    <message>
        <source>Folder holding a .pum.yaml</source>
        <translation>Cartella che contiene un .pum.yaml</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the module's folder</source>
        <translation>Scegli la cartella del modulo</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modulo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Install or upgrade up to this version; the version Baseline records</source>
        <translation>Installa o aggiorna fino a questa versione; la versione che Baseline registra</translation>
    </message>
    <message>
        <source>Target version</source>
        <translation>Versione di destinazione</translation>
    </message>
    <message>
        <source>Demo data set loaded after Install, or by Install demo data</source>
        <translation>Insieme di dati dimostrativi caricato dopo l'installazione, o con «Installa dati dimostrativi»</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Dati dimostrativi</translation>
    </message>
    <message>
        <source>Create roles and grant permissions</source>
        <translation>Crea i ruoli e concedi i permessi</translation>
    </message>
    <message>
        <source>Beta testing (such an install cannot be upgraded)</source>
        <translation>Beta test (un'installazione così non può essere aggiornata)</translation>
    </message>
    <message>
        <source>Skip dropping the application</source>
        <translation>Non eliminare l'applicazione</translation>
    </message>
    <message>
        <source>Skip creating the application</source>
        <translation>Non creare l'applicazione</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installa</translation>
    </message>
    <message>
        <source>Create the datamodel in this database</source>
        <translation>Crea il modello di dati in questo database</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Run the newer changelogs</source>
        <translation>Esegui i changelog più recenti</translation>
    </message>
    <message>
        <source>Recreate app</source>
        <translation>Ricrea l'applicazione</translation>
    </message>
    <message>
        <source>Drop and create the application (views, functions)</source>
        <translation>Elimina e ricrea l'applicazione (viste, funzioni)</translation>
    </message>
    <message>
        <source>Install demo data</source>
        <translation>Installa dati dimostrativi</translation>
    </message>
    <message>
        <source>Load the demo data set chosen in the options</source>
        <translation>Carica l'insieme di dati dimostrativi scelto nelle opzioni</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>Disinstalla</translation>
    </message>
    <message>
        <source>Run the module's uninstall hooks</source>
        <translation>Esegui gli hook di disinstallazione del modulo</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Record the target version as installed, without running anything</source>
        <translation>Registra la versione di destinazione come installata, senza eseguire nulla</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Stop the command: its transaction is rolled back</source>
        <translation>Interrompi il comando: la sua transazione viene annullata</translation>
    </message>
    <message>
        <source>Choose a connection and a module.</source>
        <translation>Scegli una connessione e un modulo.</translation>
    </message>
    <message>
        <source>No saved PostgreSQL connection</source>
        <translation>Nessuna connessione PostgreSQL salvata</translation>
    </message>
    <message>
        <source>Module folder (holding a .pum.yaml)</source>
        <translation>Cartella del modulo (con un .pum.yaml)</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>La più recente</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuno</translation>
    </message>
    <message>
        <source>Choose a connection.</source>
        <translation>Scegli una connessione.</translation>
    </message>
    <message>
        <source>Choose the module's folder.</source>
        <translation>Scegli la cartella del modulo.</translation>
    </message>
    <message>
        <source>Reading the database…</source>
        <translation>Lettura del database…</translation>
    </message>
    <message>
        <source>Choose a demo data set in the options.</source>
        <translation>Scegli un insieme di dati dimostrativi nelle opzioni.</translation>
    </message>
    <message>
        <source>Choose the version to record as baseline in Target version.</source>
        <translation>Scegli in «Versione di destinazione» la versione da registrare come baseline.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 su %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullamento…</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 non riuscito</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>servizio %1</translation>
    </message>
    <message>
        <source>Uninstall %1 from database %2 (connection %3)?

The module's uninstall hooks drop its schemas and data.</source>
        <translation>Disinstallare %1 dal database %2 (connessione %3)?

Gli hook di disinstallazione del modulo eliminano i suoi schemi e i suoi dati.</translation>
    </message>
    <message>
        <source>Record %1 %2 as installed in database %3 (connection %4), without running anything?</source>
        <translation>Registrare %1 %2 come installato nel database %3 (connessione %4), senza eseguire nulla?</translation>
    </message>
    <message>
        <source>Python hooks are not available: %1</source>
        <translation>Gli hook Python non sono disponibili: %1</translation>
    </message>
    <message>
        <source>Check the module's SQL and Python files without a database: PostgreSQL's own parser, parameters, versions</source>
        <translation>Controlla i file SQL e Python del modulo senza database: il parser di PostgreSQL stesso, i parametri, le versioni</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Convalida</translation>
    </message>
    <message>
        <source>Run Install and Upgrade although Validate found errors</source>
        <translation>Consenti installazione e aggiornamento nonostante gli errori trovati da «Convalida»</translation>
    </message>
    <message>
        <source>Ignore validation errors</source>
        <translation>Ignora gli errori di convalida</translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation>Convalida di %1…</translation>
    </message>
    <message>
        <source>Validation could not run: %1</source>
        <translation>Impossibile eseguire la convalida: %1</translation>
    </message>
    <message>
        <source>Could not start the editor %1 (setting %2)</source>
        <translation>Impossibile avviare l'editor %1 (impostazione %2)</translation>
    </message>
    <message>
        <source>%1 files and %2 statements checked: errors: %3, warnings: %4</source>
        <translation>%1 file e %2 istruzioni controllati: errori: %3, avvisi: %4</translation>
    </message>
    <message>
        <source>Double-click a finding to open its file at its line.</source>
        <translation>Fai doppio clic su un risultato per aprirne il file a quella riga.</translation>
    </message>
    <message>
        <source>Install and Upgrade wait until Validate finds no error, or until you tick Ignore validation errors.</source>
        <translation>Installazione e aggiornamento attendono finché «Convalida» non trova più errori, o finché non selezioni «Ignora gli errori di convalida».</translation>
    </message>
    <message>
        <source>Run Install or Upgrade (whichever the status allows) inside its transaction, roll it back, and show what it would change</source>
        <translation>Esegue l'installazione o l'aggiornamento (secondo lo stato) nella sua transazione, lo annulla e mostra cosa cambierebbe</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Prova</translation>
    </message>
    <message>
        <source>Compare the structure of this database with another connection</source>
        <translation>Confronta la struttura di questo database con un'altra connessione</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Confronta…</translation>
    </message>
    <message>
        <source>Run Info, Dry run or Upgrade of this module over many databases at once</source>
        <translation>Esegui Info, Prova o Aggiorna di questo modulo su molti database alla volta</translation>
    </message>
    <message>
        <source>Fleet…</source>
        <translation>Flotta…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Cartella…</translation>
    </message>
    <message>
        <source>Release archive (.zip)…</source>
        <translation>Archivio di rilascio (.zip)…</translation>
    </message>
    <message>
        <source>Module archive %1: %2, newest version %3, in %4</source>
        <translation>Archivio del modulo %1: %2, versione più recente %3, in %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <source>Module release archive (a .zip holding a .pum.yaml)</source>
        <translation>Archivio di rilascio del modulo (uno .zip che contiene un .pum.yaml)</translation>
    </message>
    <message>
        <source>Module release archives (*.zip)</source>
        <translation>Archivi di rilascio di moduli (*.zip)</translation>
    </message>
    <message>
        <source>Run the upgrade and roll it back: the report lists every change it would make</source>
        <translation>Eseguire l'aggiornamento e annullarlo: il rapporto elenca ogni modifica che farebbe</translation>
    </message>
    <message>
        <source>Run the install and roll it back: the report lists every change it would make</source>
        <translation>Eseguire l'installazione e annullarla: il rapporto elenca ogni modifica che farebbe</translation>
    </message>
    <message>
        <source>Not while a command runs</source>
        <translation>Non mentre un comando è in esecuzione</translation>
    </message>
    <message>
        <source>Correct the parameters, or the errors Validate found, first</source>
        <translation>Correggere prima i parametri, o gli errori trovati da «Convalida»</translation>
    </message>
    <message>
        <source>Nothing to try: the database is up to date. Recreate app rebuilds the application layer.</source>
        <translation>Niente da provare: il database è aggiornato. «Ricrea l'applicazione» ricostruisce lo strato applicativo.</translation>
    </message>
    <message>
        <source>Available when there is something to install or upgrade</source>
        <translation>Disponibile quando c'è qualcosa da installare o aggiornare</translation>
    </message>
    <message>
        <source>Show or hide the log</source>
        <translation>Mostra o nascondi il registro</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Write every message of the log, at every level, with its time, to a text file</source>
        <translation>Scrivi ogni messaggio del registro, a ogni livello, con la sua ora, in un file di testo</translation>
    </message>
    <message>
        <source>Save log…</source>
        <translation>Salva il registro…</translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation>Salva il registro</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>File di registro (*.log *.txt)</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Salva il registro</translation>
    </message>
    <message>
        <source>Log saved to %1</source>
        <translation>Registro salvato in %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1 (%2 s)</translation>
    </message>
    <message>
        <source>What the log shows: Warnings (errors and warnings), Normal (what runs, a line per file), Detailed (also each step as it starts, the server's notices and each statement). Every message is kept: a level chosen later shows the earlier ones too.</source>
        <translation>Cosa mostra il registro: Avvisi (errori e avvisi), Normale (ciò che viene eseguito, una riga per file), Dettagliato (anche ogni passo al suo inizio, le notifiche del server e ogni istruzione). Ogni messaggio viene conservato: un livello scelto in seguito mostra anche quelli precedenti.</translation>
    </message>
</context>
<context>
    <name>pumqgis::PumPlugin</name>
    <message>
        <source>Datamodel manager (pum)…</source>
        <translation>Gestione modelli di dati (pum)…</translation>
    </message>
    <message>
        <source>Install and upgrade PostgreSQL datamodels (pum modules)</source>
        <translation>Installa e aggiorna modelli di dati PostgreSQL (moduli pum)</translation>
    </message>
    <message>
        <source>&amp;Datamodel manager (pum)</source>
        <translation>&amp;Gestione modelli di dati (pum)</translation>
    </message>
</context>
<context>
    <name>pumqgis::PythonHooks</name>
    <message>
        <source>this module has Python hooks (.py), but this pum was built without Python hooks (%1 is missing)</source>
        <translation>questo modulo ha hook Python (.py), ma questo pum è stato compilato senza hook Python (manca %1)</translation>
    </message>
    <message>
        <source>cannot load the Python hook runner: %1</source>
        <translation>impossibile caricare l'esecutore degli hook Python: %1</translation>
    </message>
    <message>
        <source>%1 has no pum_python_register</source>
        <translation>%1 non contiene pum_python_register</translation>
    </message>
</context>
<context>
    <name>pumqgis::ReportDialog</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Vincoli</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Viste</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>Sequenze</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indici</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Funzioni</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regole</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Rimosso</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Aggiunto</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificato</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Confronta</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Dettaglio</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Riepilogo</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapporto</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Salva il rapporto…</translation>
    </message>
    <message>
        <source>Only in %1</source>
        <translation>Solo in %1</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Prima: %1</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Dopo: %1</translation>
    </message>
    <message>
        <source>Dry run of the install: %1</source>
        <translation>Prova dell'installazione: %1</translation>
    </message>
    <message>
        <source>Dry run of the upgrade: %1</source>
        <translation>Prova dell'aggiornamento: %1</translation>
    </message>
    <message>
        <source>Dry run of the upgrade of %1 from %2 to %3; schema changes: %4.</source>
        <translation>Prova dell'aggiornamento di %1 da %2 a %3; modifiche allo schema: %4.</translation>
    </message>
    <message>
        <source>Dry run of the install of %1 at version %2; schema changes: %3.</source>
        <translation>Prova dell'installazione di %1 alla versione %2; modifiche allo schema: %3.</translation>
    </message>
    <message>
        <source>Nothing was changed: the transaction was rolled back.</source>
        <translation>Nulla è stato modificato: la transazione è stata annullata.</translation>
    </message>
    <message>
        <source>Versions to apply</source>
        <translation>Versioni da applicare</translation>
    </message>
    <message>
        <source>Files and hooks</source>
        <translation>File e hook</translation>
    </message>
    <message>
        <source>statements: %1</source>
        <translation>istruzioni: %1</translation>
    </message>
    <message>
        <source>Schema changes</source>
        <translation>Modifiche allo schema</translation>
    </message>
    <message>
        <source>ACCESS EXCLUSIVE locks</source>
        <translation>Lock ACCESS EXCLUSIVE</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>da %1</translation>
    </message>
    <message>
        <source>(dropped by the run)</source>
        <translation>(eliminata dall'esecuzione)</translation>
    </message>
    <message>
        <source>(empty table)</source>
        <translation>(tabella vuota)</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>Equal: %1 and %2 have the same structure.</source>
        <translation>Uguali: %1 e %2 hanno la stessa struttura.</translation>
    </message>
    <message>
        <source>Different: %1 and %2 differ (differences: %3).</source>
        <translation>Diversi: %1 e %2 sono diversi (differenze: %3).</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Nessuna differenza</translation>
    </message>
    <message>
        <source>Compare %1</source>
        <translation>Confronta %1</translation>
    </message>
    <message>
        <source>Compare %1 with</source>
        <translation>Confronta %1 con</translation>
    </message>
    <message>
        <source>Choose a connection in the dialog first.</source>
        <translation>Scegli prima una connessione nella finestra di dialogo.</translation>
    </message>
    <message>
        <source>There is no other connection to compare with.</source>
        <translation>Non c'è nessun'altra connessione con cui confrontare.</translation>
    </message>
    <message>
        <source>Choose the connection to compare with.</source>
        <translation>Scegli la connessione con cui confrontare.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>Confronto di %1 con %2…</translation>
    </message>
    <message>
        <source>Compare %1 with %2</source>
        <translation>Confronta %1 con %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>There is no report to save yet.</source>
        <translation>Non c'è ancora nessun rapporto da salvare.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Salva il rapporto</translation>
    </message>
    <message>
        <source>HTML page (*.html);;JSON (*.json)</source>
        <translation>Pagina HTML (*.html);;JSON (*.json)</translation>
    </message>
    <message>
        <source>This report lists %1 schema changes, too many to show here. Save report… writes it as an HTML page for a web browser, or as JSON.</source>
        <translation>Questo rapporto elenca %1 modifiche allo schema, troppe per mostrarle qui. «Salva il rapporto…» lo scrive come pagina HTML per un browser web, o come JSON.</translation>
    </message>
</context>
<context>
    <name>pumqgis::SridEditor</name>
    <message>
        <source>No CRS (use the default)</source>
        <translation>Nessun SR (usa il valore predefinito)</translation>
    </message>
</context>
<context>
    <name>pumqgis::UpgradeTask</name>
    <message>
        <source>Nothing was changed: the transaction was rolled back.</source>
        <translation>Nulla è stato modificato: la transazione è stata annullata.</translation>
    </message>
    <message>
        <source>Reading the status</source>
        <translation>Lettura dello stato</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installa</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Recreate app</source>
        <translation>Ricrea l'applicazione</translation>
    </message>
    <message>
        <source>Install demo data</source>
        <translation>Installa dati dimostrativi</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>Disinstalla</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Cancelled. %1</source>
        <translation>Annullato. %1</translation>
    </message>
    <message>
        <source>SQL error: %1</source>
        <translation>Errore SQL: %1</translation>
    </message>
    <message>
        <source>SQL error in %1, line %2: %3</source>
        <translation>Errore SQL in %1, riga %2: %3</translation>
    </message>
    <message>
        <source>SQLSTATE %1</source>
        <translation>SQLSTATE %1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Dettaglio: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Suggerimento: %1</translation>
    </message>
    <message>
        <source>Context: %1</source>
        <translation>Contesto: %1</translation>
    </message>
    <message>
        <source>Statement: %1</source>
        <translation>Istruzione: %1</translation>
    </message>
    <message>
        <source>Invalid module: %1</source>
        <translation>Modulo non valido: %1</translation>
    </message>
    <message>
        <source>Choose the version to record as baseline.</source>
        <translation>Scegli la versione da registrare come baseline.</translation>
    </message>
    <message>
        <source>%1 installed at version %2 in %3 s</source>
        <translation>%1 installato alla versione %2 in %3 s</translation>
    </message>
    <message>
        <source>%1 is already up to date</source>
        <translation>%1 è già aggiornato</translation>
    </message>
    <message>
        <source>%1 upgraded from %2 to %3 in %4 s</source>
        <translation>%1 aggiornato da %2 a %3 in %4 s</translation>
    </message>
    <message>
        <source>%1: application recreated in %2 s</source>
        <translation>%1: applicazione ricreata in %2 s</translation>
    </message>
    <message>
        <source>%1: demo data %2 loaded in %3 s</source>
        <translation>%1: dati dimostrativi %2 caricati in %3 s</translation>
    </message>
    <message>
        <source>%1 uninstalled in %2 s</source>
        <translation>%1 disinstallato in %2 s</translation>
    </message>
    <message>
        <source>%1: baseline %2 recorded</source>
        <translation>%1: baseline %2 registrata</translation>
    </message>
    <message>
        <source>Only Install and Upgrade have a dry run.</source>
        <translation>Solo l'installazione e l'aggiornamento hanno una prova.</translation>
    </message>
    <message>
        <source>%1 schema changes</source>
        <translation>%1 modifiche allo schema</translation>
    </message>
    <message>
        <source>Dry run: %1 is up to date; recreating its application would make %2, in %3 s. %4</source>
        <translation>Prova: %1 è aggiornato; ricreare la sua applicazione produrrebbe %2, in %3 s. %4</translation>
    </message>
    <message>
        <source>Dry run: would upgrade %1 from %2 to %3, %4, in %5 s. %6</source>
        <translation>Prova: aggiornerebbe %1 da %2 a %3, %4, in %5 s. %6</translation>
    </message>
    <message>
        <source>Dry run: would install %1 %2, %3, in %4 s. %5</source>
        <translation>Prova: installerebbe %1 %2, %3, in %4 s. %5</translation>
    </message>
    <message>
        <source>%1: dry run of %2</source>
        <translation>%1: prova di %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>pumqgis::ValidateTask</name>
    <message>
        <source>Validate %1</source>
        <translation>Convalida %1</translation>
    </message>
</context>
<context>
    <name>pumqt::FleetTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>Non eseguito</translation>
    </message>
    <message>
        <source>Upgraded</source>
        <translation>Aggiornato</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aggiornato</translation>
    </message>
    <message>
        <source>Upgrade pending</source>
        <translation>Aggiornamento in sospeso</translation>
    </message>
    <message>
        <source>Would upgrade</source>
        <translation>Verrebbe aggiornato</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>Non installato</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Non riuscito</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <source>Running: %1 of %2 steps</source>
        <translation>In corso: %1 di %2 passi</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>In corso</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullamento…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Versions: %1</source>
        <translation>Versioni: %1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
</context>
<context>
    <name>pumqt::LogView</name>
    <message>
        <source>The log of the running command appears here.</source>
        <translation>Qui compare il registro del comando in esecuzione.</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>Errore: </translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Avviso: </translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Dettagliato</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
</context>
<context>
    <name>pumqt::ModuleStatus</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 e %2</translation>
    </message>
    <message>
        <source>Cannot read the status</source>
        <translation>Impossibile leggere lo stato</translation>
    </message>
    <message>
        <source>Another module is installed in this database</source>
        <translation>In questo database è installato un altro modulo</translation>
    </message>
    <message>
        <source>A migration table exists in schema %1; %2 uses schema %3.</source>
        <translation>Esiste una tabella di migrazione nello schema %1; %2 usa lo schema %3.</translation>
    </message>
    <message>
        <source>%1 is not installed</source>
        <translation>%1 non è installato</translation>
    </message>
    <message>
        <source>Install runs versions %1.</source>
        <translation>L'installazione esegue le versioni %1.</translation>
    </message>
    <message>
        <source>Another module is installed: %1</source>
        <translation>È installato un altro modulo: %1</translation>
    </message>
    <message>
        <source>The migration table %1 belongs to %2, not to %3.</source>
        <translation>La tabella di migrazione %1 appartiene a %2, non a %3.</translation>
    </message>
    <message>
        <source>Cannot read the installed version</source>
        <translation>Impossibile leggere la versione installata</translation>
    </message>
    <message>
        <source>The migration table records version '%1', which is not a version.</source>
        <translation>La tabella di migrazione registra la versione «%1», che non è una versione.</translation>
    </message>
    <message>
        <source>The migration table %1 has no rows.</source>
        <translation>La tabella di migrazione %1 è vuota.</translation>
    </message>
    <message>
        <source>%1 %2 is a beta-testing install</source>
        <translation>%1 %2 è un'installazione di beta test</translation>
    </message>
    <message>
        <source>A beta-testing install cannot be upgraded: install the release into a new database.</source>
        <translation>Un'installazione di beta test non può essere aggiornata: installa la versione definitiva in un nuovo database.</translation>
    </message>
    <message>
        <source>The database is newer than the module</source>
        <translation>Il database è più recente del modulo</translation>
    </message>
    <message>
        <source>The database has %1 %2, the module's newest version is %3: use a newer module.</source>
        <translation>Il database contiene %1 %2, la versione più recente del modulo è %3: usa un modulo più recente.</translation>
    </message>
    <message>
        <source>Upgrade available from %1 to %2</source>
        <translation>Aggiornamento disponibile da %1 a %2</translation>
    </message>
    <message>
        <source>The upgrade runs versions %1.</source>
        <translation>L'aggiornamento esegue le versioni %1.</translation>
    </message>
    <message>
        <source>%1 %2 is up to date</source>
        <translation>%1 %2 è aggiornato</translation>
    </message>
    <message>
        <source>Version %1 installed on %2%3.</source>
        <translation>Versione %1 installata il %2%3.</translation>
    </message>
    <message>
        <source>, for beta testing</source>
        <translation>, per il beta test</translation>
    </message>
    <message>
        <source>Parameters other than the defaults: %1.</source>
        <translation>Parametri diversi dai valori predefiniti: %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No demo data loaded.</source>
        <translation>Nessun dato dimostrativo caricato.</translation>
    </message>
    <message>
        <source>Demo data loaded: %1.</source>
        <translation>Dati dimostrativi caricati: %1.</translation>
    </message>
</context>
<context>
    <name>pumqt::ParameterForm</name>
    <message>
        <source>(not set)</source>
        <translation>(non impostato)</translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Scegli un file</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>booleano</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>intero</translation>
    </message>
    <message>
        <source>decimal</source>
        <translation>decimale</translation>
    </message>
    <message>
        <source>path</source>
        <translation>percorso</translation>
    </message>
    <message>
        <source>text</source>
        <translation>testo</translation>
    </message>
    <message>
        <source>This module has no parameters.</source>
        <translation>Questo modulo non ha parametri.</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>numero intero</translation>
    </message>
    <message>
        <source>decimal number, e.g. 1.50</source>
        <translation>numero decimale, p. es. 1.50</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Type: %1, default: %2</source>
        <translation>Tipo: %1, predefinito: %2</translation>
    </message>
    <message>
        <source>Type: %1, no default</source>
        <translation>Tipo: %1, nessun valore predefinito</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Fixed when the module was installed; changing it needs a reinstall.</source>
        <translation>Fissato all'installazione del modulo; per cambiarlo serve una reinstallazione.</translation>
    </message>
</context>
</TS>