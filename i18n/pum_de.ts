<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>pumqgis::CompareTask</name>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Vergleich abgebrochen.</translation>
    </message>
    <message>
        <source>Comparison failed: %1</source>
        <translation>Vergleich fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 and %2 are equal.</source>
        <translation>%1 und %2 sind gleich.</translation>
    </message>
    <message>
        <source>%1 and %2 differ (differences: %3).</source>
        <translation>%1 und %2 unterscheiden sich (Unterschiede: %3).</translation>
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
        <translation>Die Authentifizierungskonfiguration %1 der Verbindung %2 konnte nicht gelesen werden (falsches Master-Passwort, oder die Konfiguration wurde gelöscht).</translation>
    </message>
</context>
<context>
    <name>pumqgis::FleetDialog</name>
    <message>
        <source>Fleet: %1</source>
        <translation>Flotte: %1</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>The connections checked below</source>
        <translation>Die unten angekreuzten Verbindungen</translation>
    </message>
    <message>
        <source>Every database holding %1 on the server of</source>
        <translation>Jede Datenbank mit %1 auf dem Server von</translation>
    </message>
    <message>
        <source>named like</source>
        <translation>mit Namen wie</translation>
    </message>
    <message>
        <source>muni_% (empty: all)</source>
        <translation>gemeinde_% (leer: alle)</translation>
    </message>
    <message>
        <source>An SQL LIKE pattern on the database names: % matches any text, _ one character.</source>
        <translation>Ein SQL-LIKE-Muster für die Datenbanknamen: % steht für beliebigen Text, _ für ein Zeichen.</translation>
    </message>
    <message>
        <source>Databases at once</source>
        <translation>Datenbanken gleichzeitig</translation>
    </message>
    <message>
        <source>How many databases run at the same time, each in its own connection and transaction.</source>
        <translation>Wie viele Datenbanken gleichzeitig laufen, jede in ihrer eigenen Verbindung und Transaktion.</translation>
    </message>
    <message>
        <source>Show the installed and the pending versions of each database.</source>
        <translation>Die installierte und die ausstehenden Versionen jeder Datenbank anzeigen.</translation>
    </message>
    <message>
        <source>Run the upgrade in each database, report what it would change, then roll back.</source>
        <translation>Die Aktualisierung in jeder Datenbank ausführen, melden, was sie ändern würde, dann zurückrollen.</translation>
    </message>
    <message>
        <source>Upgrade each database in its own transaction: a failure rolls back that database only.</source>
        <translation>Jede Datenbank in ihrer eigenen Transaktion aktualisieren: ein Fehler rollt nur diese Datenbank zurück.</translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation>Auswahl abbrechen</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>Als HTML exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>the newest version</source>
        <translation>die neueste Version</translation>
    </message>
    <message>
        <source>Module %1, up to %2.</source>
        <translation>Modul %1, bis %2.</translation>
    </message>
    <message>
        <source>Parameters: %1.</source>
        <translation>Parameter: %1.</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Choose the connection whose server to search.</source>
        <translation>Wählen Sie die Verbindung, deren Server durchsucht werden soll.</translation>
    </message>
    <message>
        <source>Check at least one connection, or choose every database of a server.</source>
        <translation>Kreuzen Sie mindestens eine Verbindung an, oder wählen Sie alle Datenbanken eines Servers.</translation>
    </message>
    <message>
        <source>Invalid parameter: %1</source>
        <translation>Ungültiger Parameter: %1</translation>
    </message>
    <message>
        <source>Upgrade %1 in every database of the server of %2 that holds it?

Each database is upgraded in its own transaction.</source>
        <translation>%1 in jeder Datenbank des Servers von %2 aktualisieren, die es enthält?

Jede Datenbank wird in ihrer eigenen Transaktion aktualisiert.</translation>
    </message>
    <message>
        <source>Upgrade %1 in %2 databases?

Each database is upgraded in its own transaction.</source>
        <translation>%1 in %2 Datenbanken aktualisieren?

Jede Datenbank wird in ihrer eigenen Transaktion aktualisiert.</translation>
    </message>
    <message>
        <source>Python hooks are not available: %1</source>
        <translation>Python-Hooks sind nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Looking for the databases holding %1…</source>
        <translation>Suche nach den Datenbanken mit %1…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1, %2 databases at once</source>
        <translation>%1, %2 Datenbanken gleichzeitig</translation>
    </message>
    <message>
        <source>%1: fleet %2</source>
        <translation>%1: Flotte %2</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 databases done</source>
        <translation>%1 von %2 Datenbanken fertig</translation>
    </message>
    <message>
        <source>%1 databases in %2 s (%3 at once). %4</source>
        <translation>%1 Datenbanken in %2 s (%3 gleichzeitig). %4</translation>
    </message>
    <message>
        <source>Cancelling: every database not committed yet rolls back.</source>
        <translation>Abbruch: jede noch nicht bestätigte Datenbank wird zurückgerollt.</translation>
    </message>
    <message>
        <source>Cancelling %1: it rolls back unless it is committing already.</source>
        <translation>%1 wird abgebrochen: sie wird zurückgerollt, sofern sie nicht schon bestätigt wird.</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 abbrechen</translation>
    </message>
    <message>
        <source>Nothing to export yet: run Info, Dry run or Upgrade first.</source>
        <translation>Noch nichts zu exportieren: zuerst Info, Probelauf oder Aktualisieren ausführen.</translation>
    </message>
    <message>
        <source>%1: choose a file ending in .html or .csv.</source>
        <translation>%1: wählen Sie eine Datei mit der Endung .html oder .csv.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML-Seite (*.html)</translation>
    </message>
    <message>
        <source>Export the summary</source>
        <translation>Zusammenfassung exportieren</translation>
    </message>
    <message>
        <source>Summary written to %1</source>
        <translation>Zusammenfassung nach %1 geschrieben</translation>
    </message>
</context>
<context>
    <name>pumqgis::FleetTask</name>
    <message>
        <source>No database of this server holds module %1.</source>
        <translation>Keine Datenbank dieses Servers enthält das Modul %1.</translation>
    </message>
    <message>
        <source>No database of this server named like %1 holds module %2.</source>
        <translation>Keine Datenbank dieses Servers mit Namen wie %1 enthält das Modul %2.</translation>
    </message>
    <message>
        <source>Cancelled before any database was started.</source>
        <translation>Abgebrochen, bevor eine Datenbank gestartet wurde.</translation>
    </message>
</context>
<context>
    <name>pumqgis::ModuleArchive</name>
    <message>
        <source>a NUL character in the name</source>
        <translation>ein NUL-Zeichen im Namen</translation>
    </message>
    <message>
        <source>an absolute path</source>
        <translation>einen absoluten Pfad</translation>
    </message>
    <message>
        <source>a drive letter</source>
        <translation>einen Laufwerksbuchstaben</translation>
    </message>
    <message>
        <source>a ".." component, outside of the folder it is unpacked to</source>
        <translation>eine Komponente "..", ausserhalb des Ordners, in den es entpackt wird</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is not a zip archive (no zip directory at its end).</source>
        <translation>%1 ist kein ZIP-Archiv (kein ZIP-Verzeichnis an seinem Ende).</translation>
    </message>
    <message>
        <source>%1 holds %2 files, more than the %3 a module archive may hold.</source>
        <translation>%1 enthält %2 Dateien, mehr als die %3, die ein Modularchiv enthalten darf.</translation>
    </message>
    <message>
        <source>%1 is not a zip archive (its directory is damaged at entry %2).</source>
        <translation>%1 ist kein ZIP-Archiv (sein Verzeichnis ist bei Eintrag %2 beschädigt).</translation>
    </message>
    <message>
        <source>The module archive %1 does not exist.</source>
        <translation>Das Modularchiv %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is refused: its entry "%2" has %3.</source>
        <translation>%1 wird abgelehnt: sein Eintrag "%2" hat %3.</translation>
    </message>
    <message>
        <source>%1 is refused: unpacked it would take more than %2 MiB.</source>
        <translation>%1 wird abgelehnt: entpackt würde es mehr als %2 MiB belegen.</translation>
    </message>
    <message>
        <source>%1 holds no .pum.yaml: it is not a pum module archive.</source>
        <translation>%1 enthält keine .pum.yaml: es ist kein pum-Modularchiv.</translation>
    </message>
    <message>
        <source>%1 holds several modules, one .pum.yaml is expected: %2.</source>
        <translation>%1 enthält mehrere Module, erwartet wird eine .pum.yaml: %2.</translation>
    </message>
    <message>
        <source>Cannot create the cache folder %1.</source>
        <translation>Der Cache-Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot unpack %1 into %2.</source>
        <translation>%1 kann nicht nach %2 entpackt werden.</translation>
    </message>
    <message>
        <source>Cannot move the unpacked archive to %1.</source>
        <translation>Das entpackte Archiv kann nicht nach %1 verschoben werden.</translation>
    </message>
    <message>
        <source>The module in %1 (%2) cannot be read: %3</source>
        <translation>Das Modul in %1 (%2) kann nicht gelesen werden: %3</translation>
    </message>
</context>
<context>
    <name>pumqgis::ProjectOpener</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>%1 would be written over itself: choose another folder.</source>
        <translation>%1 würde sich selbst überschreiben: wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Cannot read the project %1: %2.</source>
        <translation>Das Projekt %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The project %1 is not valid XML (line %2, column %3): %4.</source>
        <translation>Das Projekt %1 ist kein gültiges XML (Zeile %2, Spalte %3): %4.</translation>
    </message>
    <message>
        <source>Cannot write the project %1: %2.</source>
        <translation>Das Projekt %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot unpack the project %1.</source>
        <translation>Das Projekt %1 kann nicht entpackt werden.</translation>
    </message>
    <message>
        <source>The project %1 holds %2 .qgs files, one is expected.</source>
        <translation>Das Projekt %1 enthält %2 .qgs-Dateien, erwartet wird eine.</translation>
    </message>
    <message>
        <source>Cannot write the project %1.</source>
        <translation>Das Projekt %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Open the QGIS project…</source>
        <translation>QGIS-Projekt öffnen…</translation>
    </message>
    <message>
        <source>QGIS project</source>
        <translation>QGIS-Projekt</translation>
    </message>
    <message>
        <source>The module ships a QGIS project: open it with its layers on %1.</source>
        <translation>Das Modul enthält ein QGIS-Projekt: öffnen Sie es mit seinen Layern auf %1.</translation>
    </message>
    <message>
        <source>The module ships %1 QGIS projects: open one with its layers on %2.</source>
        <translation>Das Modul enthält %1 QGIS-Projekte: öffnen Sie eines mit seinen Layern auf %2.</translation>
    </message>
    <message>
        <source>Project to open:</source>
        <translation>Zu öffnendes Projekt:</translation>
    </message>
    <message>
        <source>Folder to write the QGIS project to</source>
        <translation>Ordner, in den das QGIS-Projekt geschrieben wird</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Opened %1, its PostgreSQL layers pointed at %2: %3.</source>
        <translation>%1 geöffnet, seine PostgreSQL-Layer zeigen auf %2: %3.</translation>
    </message>
</context>
<context>
    <name>pumqgis::PumDialog</name>
    <message>
        <source>Datamodel manager (pum)</source>
        <translation>Datenmodell-Verwaltung (pum)</translation>
    </message>
    <message>
        <source>QGIS's saved PostgreSQL connections and the services of pg_service.conf</source>
        <translation>Die in QGIS gespeicherten PostgreSQL-Verbindungen und die Dienste aus pg_service.conf</translation>
    </message>
    <message>
        <source>Reload the connections</source>
        <translation>Verbindungen neu laden</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>The datamodel's folder: the one holding its .pum.yaml</source>
        <translation>Der Ordner des Datenmodells: der Ordner mit seiner .pum.yaml</translation>
    </message>
    <message>
        <source>Folder holding a .pum.yaml</source>
        <translation>Ordner mit einer .pum.yaml</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the module's folder</source>
        <translation>Ordner des Moduls wählen</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Install or upgrade up to this version; the version Baseline records</source>
        <translation>Bis zu dieser Version installieren oder aktualisieren; die Version, die Baseline einträgt</translation>
    </message>
    <message>
        <source>Target version</source>
        <translation>Zielversion</translation>
    </message>
    <message>
        <source>Demo data set loaded after Install, or by Install demo data</source>
        <translation>Demodatensatz, der nach der Installation oder mit «Demodaten installieren» geladen wird</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>Create roles and grant permissions</source>
        <translation>Rollen erstellen und Berechtigungen erteilen</translation>
    </message>
    <message>
        <source>Beta testing (such an install cannot be upgraded)</source>
        <translation>Betatest (danach nicht aktualisierbar)</translation>
    </message>
    <message>
        <source>Skip dropping the application</source>
        <translation>Anwendung nicht löschen</translation>
    </message>
    <message>
        <source>Skip creating the application</source>
        <translation>Anwendung nicht erstellen</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <source>Create the datamodel in this database</source>
        <translation>Das Datenmodell in dieser Datenbank erstellen</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Run the newer changelogs</source>
        <translation>Die neueren Changelogs ausführen</translation>
    </message>
    <message>
        <source>Recreate app</source>
        <translation>Anwendung neu erstellen</translation>
    </message>
    <message>
        <source>Drop and create the application (views, functions)</source>
        <translation>Die Anwendung löschen und neu erstellen (Views, Funktionen)</translation>
    </message>
    <message>
        <source>Install demo data</source>
        <translation>Demodaten installieren</translation>
    </message>
    <message>
        <source>Load the demo data set chosen in the options</source>
        <translation>Den in den Optionen gewählten Demodatensatz laden</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>Deinstallieren</translation>
    </message>
    <message>
        <source>Run the module's uninstall hooks</source>
        <translation>Die Deinstallations-Hooks des Moduls ausführen</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Record the target version as installed, without running anything</source>
        <translation>Die Zielversion als installiert eintragen, ohne etwas auszuführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the command: its transaction is rolled back</source>
        <translation>Den Befehl anhalten: seine Transaktion wird zurückgesetzt</translation>
    </message>
    <message>
        <source>Choose a connection and a module.</source>
        <translation>Wählen Sie eine Verbindung und ein Modul.</translation>
    </message>
    <message>
        <source>No saved PostgreSQL connection</source>
        <translation>Keine gespeicherte PostgreSQL-Verbindung</translation>
    </message>
    <message>
        <source>Module folder (holding a .pum.yaml)</source>
        <translation>Ordner des Moduls (mit einer .pum.yaml)</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Choose a connection.</source>
        <translation>Wählen Sie eine Verbindung.</translation>
    </message>
    <message>
        <source>Choose the module's folder.</source>
        <translation>Wählen Sie den Ordner des Moduls.</translation>
    </message>
    <message>
        <source>Reading the database…</source>
        <translation>Datenbank wird gelesen…</translation>
    </message>
    <message>
        <source>Choose a demo data set in the options.</source>
        <translation>Wählen Sie in den Optionen einen Demodatensatz.</translation>
    </message>
    <message>
        <source>Choose the version to record as baseline in Target version.</source>
        <translation>Wählen Sie unter «Zielversion» die Version, die als Baseline eingetragen wird.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>Uninstall %1 from database %2 (connection %3)?

The module's uninstall hooks drop its schemas and data.</source>
        <translation>%1 aus der Datenbank %2 (Verbindung %3) deinstallieren?

Die Deinstallations-Hooks des Moduls löschen seine Schemas und Daten.</translation>
    </message>
    <message>
        <source>Record %1 %2 as installed in database %3 (connection %4), without running anything?</source>
        <translation>%1 %2 in der Datenbank %3 (Verbindung %4) als installiert eintragen, ohne etwas auszuführen?</translation>
    </message>
    <message>
        <source>Python hooks are not available: %1</source>
        <translation>Python-Hooks sind nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Check the module's SQL and Python files without a database: PostgreSQL's own parser, parameters, versions</source>
        <translation>Die SQL- und Python-Dateien des Moduls ohne Datenbank prüfen: PostgreSQLs eigener Parser, Parameter, Versionen</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Run Install and Upgrade although Validate found errors</source>
        <translation>Installieren und Aktualisieren trotz der von «Prüfen» gefundenen Fehler erlauben</translation>
    </message>
    <message>
        <source>Ignore validation errors</source>
        <translation>Prüffehler ignorieren</translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Validation could not run: %1</source>
        <translation>Die Prüfung konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Could not start the editor %1 (setting %2)</source>
        <translation>Der Editor %1 konnte nicht gestartet werden (Einstellung %2)</translation>
    </message>
    <message>
        <source>%1 files and %2 statements checked: errors: %3, warnings: %4</source>
        <translation>%1 Dateien und %2 Anweisungen geprüft: Fehler: %3, Warnungen: %4</translation>
    </message>
    <message>
        <source>Double-click a finding to open its file at its line.</source>
        <translation>Doppelklick auf einen Befund öffnet seine Datei an dieser Zeile.</translation>
    </message>
    <message>
        <source>Install and Upgrade wait until Validate finds no error, or until you tick Ignore validation errors.</source>
        <translation>Installieren und Aktualisieren warten, bis «Prüfen» keinen Fehler mehr findet oder «Prüffehler ignorieren» angekreuzt ist.</translation>
    </message>
    <message>
        <source>Run Install or Upgrade (whichever the status allows) inside its transaction, roll it back, and show what it would change</source>
        <translation>Installieren oder Aktualisieren (je nach Status) in seiner Transaktion ausführen, zurückrollen und zeigen, was es ändern würde</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Compare the structure of this database with another connection</source>
        <translation>Die Struktur dieser Datenbank mit einer anderen Verbindung vergleichen</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Run Info, Dry run or Upgrade of this module over many databases at once</source>
        <translation>Info, Probelauf oder Aktualisieren dieses Moduls über viele Datenbanken gleichzeitig ausführen</translation>
    </message>
    <message>
        <source>Fleet…</source>
        <translation>Flotte…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Release archive (.zip)…</source>
        <translation>Release-Archiv (.zip)…</translation>
    </message>
    <message>
        <source>Module archive %1: %2, newest version %3, in %4</source>
        <translation>Modularchiv %1: %2, neueste Version %3, in %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Module release archive (a .zip holding a .pum.yaml)</source>
        <translation>Release-Archiv des Moduls (eine .zip mit einer .pum.yaml)</translation>
    </message>
    <message>
        <source>Module release archives (*.zip)</source>
        <translation>Release-Archive von Modulen (*.zip)</translation>
    </message>
    <message>
        <source>Run the upgrade and roll it back: the report lists every change it would make</source>
        <translation>Die Aktualisierung ausführen und zurückrollen: der Bericht listet jede Änderung, die sie vornehmen würde</translation>
    </message>
    <message>
        <source>Run the install and roll it back: the report lists every change it would make</source>
        <translation>Die Installation ausführen und zurückrollen: der Bericht listet jede Änderung, die sie vornehmen würde</translation>
    </message>
    <message>
        <source>Not while a command runs</source>
        <translation>Nicht, während ein Befehl läuft</translation>
    </message>
    <message>
        <source>Correct the parameters, or the errors Validate found, first</source>
        <translation>Zuerst die Parameter oder die von «Prüfen» gefundenen Fehler korrigieren</translation>
    </message>
    <message>
        <source>Nothing to try: the database is up to date. Recreate app rebuilds the application layer.</source>
        <translation>Nichts zu testen: die Datenbank ist aktuell. «Anwendung neu erstellen» baut die Anwendungsschicht neu auf.</translation>
    </message>
    <message>
        <source>Available when there is something to install or upgrade</source>
        <translation>Verfügbar, wenn es etwas zu installieren oder zu aktualisieren gibt</translation>
    </message>
    <message>
        <source>Show or hide the log</source>
        <translation>Protokoll ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Write every message of the log, at every level, with its time, to a text file</source>
        <translation>Jede Meldung des Protokolls, auf jeder Stufe, mit ihrer Zeit in eine Textdatei schreiben</translation>
    </message>
    <message>
        <source>Save log…</source>
        <translation>Protokoll speichern…</translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Protokolldateien (*.log *.txt)</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Log saved to %1</source>
        <translation>Protokoll gespeichert in %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1 (%2 s)</translation>
    </message>
    <message>
        <source>What the log shows: Warnings (errors and warnings), Normal (what runs, a line per file), Detailed (also each step as it starts, the server's notices and each statement). Every message is kept: a level chosen later shows the earlier ones too.</source>
        <translation>Was das Protokoll zeigt: Warnungen (Fehler und Warnungen), Normal (was läuft, eine Zeile je Datei), Ausführlich (auch jeder Schritt bei seinem Beginn, die Hinweise des Servers und jede Anweisung). Jede Meldung wird behalten: eine später gewählte Stufe zeigt auch die früheren.</translation>
    </message>
</context>
<context>
    <name>pumqgis::PumPlugin</name>
    <message>
        <source>Datamodel manager (pum)…</source>
        <translation>Datenmodell-Verwaltung (pum)…</translation>
    </message>
    <message>
        <source>Install and upgrade PostgreSQL datamodels (pum modules)</source>
        <translation>PostgreSQL-Datenmodelle (pum-Module) installieren und aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Datamodel manager (pum)</source>
        <translation>&amp;Datenmodell-Verwaltung (pum)</translation>
    </message>
</context>
<context>
    <name>pumqgis::PythonHooks</name>
    <message>
        <source>this module has Python hooks (.py), but this pum was built without Python hooks (%1 is missing)</source>
        <translation>dieses Modul hat Python-Hooks (.py), aber dieses pum wurde ohne Python-Hooks gebaut (%1 fehlt)</translation>
    </message>
    <message>
        <source>cannot load the Python hook runner: %1</source>
        <translation>Der Python-Hook-Runner kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 has no pum_python_register</source>
        <translation>%1 enthält kein pum_python_register</translation>
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
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Constraints</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>Sequenzen</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Bericht speichern…</translation>
    </message>
    <message>
        <source>Only in %1</source>
        <translation>Nur in %1</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Vorher: %1</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Nachher: %1</translation>
    </message>
    <message>
        <source>Dry run of the install: %1</source>
        <translation>Probelauf der Installation: %1</translation>
    </message>
    <message>
        <source>Dry run of the upgrade: %1</source>
        <translation>Probelauf der Aktualisierung: %1</translation>
    </message>
    <message>
        <source>Dry run of the upgrade of %1 from %2 to %3; schema changes: %4.</source>
        <translation>Probelauf der Aktualisierung von %1 von %2 auf %3; Schemaänderungen: %4.</translation>
    </message>
    <message>
        <source>Dry run of the install of %1 at version %2; schema changes: %3.</source>
        <translation>Probelauf der Installation von %1 in Version %2; Schemaänderungen: %3.</translation>
    </message>
    <message>
        <source>Nothing was changed: the transaction was rolled back.</source>
        <translation>Es wurde nichts geändert: die Transaktion wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>Versions to apply</source>
        <translation>Anzuwendende Versionen</translation>
    </message>
    <message>
        <source>Files and hooks</source>
        <translation>Dateien und Hooks</translation>
    </message>
    <message>
        <source>statements: %1</source>
        <translation>Anweisungen: %1</translation>
    </message>
    <message>
        <source>Schema changes</source>
        <translation>Schemaänderungen</translation>
    </message>
    <message>
        <source>ACCESS EXCLUSIVE locks</source>
        <translation>ACCESS-EXCLUSIVE-Sperren</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>(dropped by the run)</source>
        <translation>(vom Lauf gelöscht)</translation>
    </message>
    <message>
        <source>(empty table)</source>
        <translation>(leere Tabelle)</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Equal: %1 and %2 have the same structure.</source>
        <translation>Gleich: %1 und %2 haben dieselbe Struktur.</translation>
    </message>
    <message>
        <source>Different: %1 and %2 differ (differences: %3).</source>
        <translation>Verschieden: %1 und %2 unterscheiden sich (Unterschiede: %3).</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Keine Unterschiede</translation>
    </message>
    <message>
        <source>Compare %1</source>
        <translation>%1 vergleichen</translation>
    </message>
    <message>
        <source>Compare %1 with</source>
        <translation>%1 vergleichen mit</translation>
    </message>
    <message>
        <source>Choose a connection in the dialog first.</source>
        <translation>Wählen Sie zuerst im Dialog eine Verbindung.</translation>
    </message>
    <message>
        <source>There is no other connection to compare with.</source>
        <translation>Es gibt keine andere Verbindung zum Vergleichen.</translation>
    </message>
    <message>
        <source>Choose the connection to compare with.</source>
        <translation>Wählen Sie die Verbindung, mit der verglichen werden soll.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>%1 wird mit %2 verglichen…</translation>
    </message>
    <message>
        <source>Compare %1 with %2</source>
        <translation>%1 mit %2 vergleichen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>There is no report to save yet.</source>
        <translation>Es gibt noch keinen Bericht zum Speichern.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>HTML page (*.html);;JSON (*.json)</source>
        <translation>HTML-Seite (*.html);;JSON (*.json)</translation>
    </message>
    <message>
        <source>This report lists %1 schema changes, too many to show here. Save report… writes it as an HTML page for a web browser, or as JSON.</source>
        <translation>Dieser Bericht listet %1 Schemaänderungen, zu viele, um sie hier anzuzeigen. «Bericht speichern…» schreibt ihn als HTML-Seite für einen Webbrowser oder als JSON.</translation>
    </message>
</context>
<context>
    <name>pumqgis::SridEditor</name>
    <message>
        <source>No CRS (use the default)</source>
        <translation>Kein KBS (Standard verwenden)</translation>
    </message>
</context>
<context>
    <name>pumqgis::UpgradeTask</name>
    <message>
        <source>Nothing was changed: the transaction was rolled back.</source>
        <translation>Es wurde nichts geändert: die Transaktion wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>Reading the status</source>
        <translation>Status wird gelesen</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Recreate app</source>
        <translation>Anwendung neu erstellen</translation>
    </message>
    <message>
        <source>Install demo data</source>
        <translation>Demodaten installieren</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>Deinstallieren</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Cancelled. %1</source>
        <translation>Abgebrochen. %1</translation>
    </message>
    <message>
        <source>SQL error: %1</source>
        <translation>SQL-Fehler: %1</translation>
    </message>
    <message>
        <source>SQL error in %1, line %2: %3</source>
        <translation>SQL-Fehler in %1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>SQLSTATE %1</source>
        <translation>SQLSTATE %1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Context: %1</source>
        <translation>Kontext: %1</translation>
    </message>
    <message>
        <source>Statement: %1</source>
        <translation>Anweisung: %1</translation>
    </message>
    <message>
        <source>Invalid module: %1</source>
        <translation>Ungültiges Modul: %1</translation>
    </message>
    <message>
        <source>Choose the version to record as baseline.</source>
        <translation>Wählen Sie die Version, die als Baseline eingetragen wird.</translation>
    </message>
    <message>
        <source>%1 installed at version %2 in %3 s</source>
        <translation>%1 in Version %2 installiert (%3 s)</translation>
    </message>
    <message>
        <source>%1 is already up to date</source>
        <translation>%1 ist bereits aktuell</translation>
    </message>
    <message>
        <source>%1 upgraded from %2 to %3 in %4 s</source>
        <translation>%1 von %2 auf %3 aktualisiert (%4 s)</translation>
    </message>
    <message>
        <source>%1: application recreated in %2 s</source>
        <translation>%1: Anwendung neu erstellt in %2 s</translation>
    </message>
    <message>
        <source>%1: demo data %2 loaded in %3 s</source>
        <translation>%1: Demodaten %2 geladen in %3 s</translation>
    </message>
    <message>
        <source>%1 uninstalled in %2 s</source>
        <translation>%1 deinstalliert in %2 s</translation>
    </message>
    <message>
        <source>%1: baseline %2 recorded</source>
        <translation>%1: Baseline %2 eingetragen</translation>
    </message>
    <message>
        <source>Only Install and Upgrade have a dry run.</source>
        <translation>Nur Installieren und Aktualisieren haben einen Probelauf.</translation>
    </message>
    <message>
        <source>%1 schema changes</source>
        <translation>%1 Schemaänderungen</translation>
    </message>
    <message>
        <source>Dry run: %1 is up to date; recreating its application would make %2, in %3 s. %4</source>
        <translation>Probelauf: %1 ist aktuell; die Anwendung neu zu erstellen ergäbe %2, in %3 s. %4</translation>
    </message>
    <message>
        <source>Dry run: would upgrade %1 from %2 to %3, %4, in %5 s. %6</source>
        <translation>Probelauf: würde %1 von %2 auf %3 aktualisieren, %4, in %5 s. %6</translation>
    </message>
    <message>
        <source>Dry run: would install %1 %2, %3, in %4 s. %5</source>
        <translation>Probelauf: würde %1 %2 installieren, %3, in %4 s. %5</translation>
    </message>
    <message>
        <source>%1: dry run of %2</source>
        <translation>%1: Probelauf von %2</translation>
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
        <translation>%1 prüfen</translation>
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
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Upgraded</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Upgrade pending</source>
        <translation>Aktualisierung ausstehend</translation>
    </message>
    <message>
        <source>Would upgrade</source>
        <translation>Würde aktualisieren</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>Nicht installiert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running: %1 of %2 steps</source>
        <translation>Läuft: %1 von %2 Schritten</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Versions: %1</source>
        <translation>Versionen: %1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>pumqt::LogView</name>
    <message>
        <source>The log of the running command appears here.</source>
        <translation>Hier erscheint das Protokoll des laufenden Befehls.</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>Fehler: </translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Ausführlich</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
</context>
<context>
    <name>pumqt::ModuleStatus</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Cannot read the status</source>
        <translation>Status kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Another module is installed in this database</source>
        <translation>In dieser Datenbank ist ein anderes Modul installiert</translation>
    </message>
    <message>
        <source>A migration table exists in schema %1; %2 uses schema %3.</source>
        <translation>Im Schema %1 gibt es eine Migrationstabelle; %2 verwendet das Schema %3.</translation>
    </message>
    <message>
        <source>%1 is not installed</source>
        <translation>%1 ist nicht installiert</translation>
    </message>
    <message>
        <source>Install runs versions %1.</source>
        <translation>Die Installation führt die Versionen %1 aus.</translation>
    </message>
    <message>
        <source>Another module is installed: %1</source>
        <translation>Ein anderes Modul ist installiert: %1</translation>
    </message>
    <message>
        <source>The migration table %1 belongs to %2, not to %3.</source>
        <translation>Die Migrationstabelle %1 gehört zu %2, nicht zu %3.</translation>
    </message>
    <message>
        <source>Cannot read the installed version</source>
        <translation>Installierte Version kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The migration table records version '%1', which is not a version.</source>
        <translation>Die Migrationstabelle enthält die Version «%1», die keine Version ist.</translation>
    </message>
    <message>
        <source>The migration table %1 has no rows.</source>
        <translation>Die Migrationstabelle %1 ist leer.</translation>
    </message>
    <message>
        <source>%1 %2 is a beta-testing install</source>
        <translation>%1 %2 ist eine Betatest-Installation</translation>
    </message>
    <message>
        <source>A beta-testing install cannot be upgraded: install the release into a new database.</source>
        <translation>Eine Betatest-Installation kann nicht aktualisiert werden: installieren Sie die Release-Version in eine neue Datenbank.</translation>
    </message>
    <message>
        <source>The database is newer than the module</source>
        <translation>Die Datenbank ist neuer als das Modul</translation>
    </message>
    <message>
        <source>The database has %1 %2, the module's newest version is %3: use a newer module.</source>
        <translation>Die Datenbank hat %1 %2, die neueste Version des Moduls ist %3: verwenden Sie ein neueres Modul.</translation>
    </message>
    <message>
        <source>Upgrade available from %1 to %2</source>
        <translation>Aktualisierung von %1 auf %2 verfügbar</translation>
    </message>
    <message>
        <source>The upgrade runs versions %1.</source>
        <translation>Die Aktualisierung führt die Versionen %1 aus.</translation>
    </message>
    <message>
        <source>%1 %2 is up to date</source>
        <translation>%1 %2 ist aktuell</translation>
    </message>
    <message>
        <source>Version %1 installed on %2%3.</source>
        <translation>Version %1 installiert am %2%3.</translation>
    </message>
    <message>
        <source>, for beta testing</source>
        <translation>, für den Betatest</translation>
    </message>
    <message>
        <source>Parameters other than the defaults: %1.</source>
        <translation>Parameter mit anderen als den Standardwerten: %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No demo data loaded.</source>
        <translation>Keine Demodaten geladen.</translation>
    </message>
    <message>
        <source>Demo data loaded: %1.</source>
        <translation>Geladene Demodaten: %1.</translation>
    </message>
</context>
<context>
    <name>pumqt::ParameterForm</name>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
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
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Boolesch</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>Ganzzahl</translation>
    </message>
    <message>
        <source>decimal</source>
        <translation>Dezimalzahl</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>This module has no parameters.</source>
        <translation>Dieses Modul hat keine Parameter.</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <source>decimal number, e.g. 1.50</source>
        <translation>Dezimalzahl, z. B. 1.50</translation>
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
        <translation>Typ: %1, Standard: %2</translation>
    </message>
    <message>
        <source>Type: %1, no default</source>
        <translation>Typ: %1, kein Standardwert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Fixed when the module was installed; changing it needs a reinstall.</source>
        <translation>Bei der Installation des Moduls festgelegt; eine Änderung erfordert eine Neuinstallation.</translation>
    </message>
</context>
</TS>