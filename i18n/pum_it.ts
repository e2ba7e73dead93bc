<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it" sourcelanguage="en">
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
        <source>Parameters</source>
        <translation>Parametri</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opzioni</translation>
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
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 su %2</translation>
    </message>
    <message>
        <source>%1 of %2 steps</source>
        <translation>%1 di %2 passi</translation>
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
</context>
<context>
    <name>pumqgis::ValidateTask</name>
    <message>
        <source>Validate %1</source>
        <translation>Convalida %1</translation>
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
        <source>Locked: %1</source>
        <translation>Bloccato: %1</translation>
    </message>
    <message>
        <source>set when the module was installed; only app_only parameters may change on upgrade.</source>
        <translation>fissato all'installazione del modulo; durante un aggiornamento possono cambiare solo i parametri app_only.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
</TS>