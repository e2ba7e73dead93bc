<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="en">
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
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
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
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 of %2 steps</source>
        <translation>%1 von %2 Schritten</translation>
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
</context>
<context>
    <name>pumqgis::ValidateTask</name>
    <message>
        <source>Validate %1</source>
        <translation>%1 prüfen</translation>
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
        <source>Locked: %1</source>
        <translation>Gesperrt: %1</translation>
    </message>
    <message>
        <source>set when the module was installed; only app_only parameters may change on upgrade.</source>
        <translation>bei der Installation des Moduls festgelegt; bei einer Aktualisierung dürfen sich nur app_only-Parameter ändern.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
</TS>