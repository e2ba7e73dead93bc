<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>pumqgis::ConnectionList</name>
    <message>
        <source>%1 (pg_service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authentication configuration %1 of connection %2 could not be read (wrong master password, or the configuration was deleted).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pumqgis::PumDialog</name>
    <message>
        <source>Datamodel manager (pum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QGIS&apos;s saved PostgreSQL connections and the services of pg_service.conf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The datamodel&apos;s folder: the one holding its .pum.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder holding a .pum.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the module&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install or upgrade up to this version; the version Baseline records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data set loaded after Install, or by Install demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create roles and grant permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beta testing (such an install cannot be upgraded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip dropping the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip creating the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the datamodel in this database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the newer changelogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recreate app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop and create the application (views, functions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the demo data set chosen in the options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the module&apos;s uninstall hooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the target version as installed, without running anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the command: its transaction is rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a connection and a module.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved PostgreSQL connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module folder (holding a .pum.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the module&apos;s folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a demo data set in the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the version to record as baseline in Target version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uninstall %1 from the database of connection %2?

The module&apos;s uninstall hooks drop its schemas and data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 %2 as installed in the database of connection %3, without running anything?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pumqgis::PumPlugin</name>
    <message>
        <source>Python hooks are not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datamodel manager (pum)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install and upgrade PostgreSQL datamodels (pum modules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Datamodel manager (pum)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pumqgis::SridEditor</name>
    <message>
        <source>No CRS (use the default)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pumqgis::UpgradeTask</name>
    <message>
        <source>Nothing was changed: the transaction was rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recreate app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL error in %1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLSTATE %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid module: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the version to record as baseline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 installed at version %2 in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 upgraded from %2 to %3 in %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: application recreated in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: demo data %2 loaded in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uninstalled in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: baseline %2 recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pumqt::LogView</name>
    <message>
        <source>The log of the running command appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pumqt::ModuleStatus</name>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another module is installed in this database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A migration table exists in schema %1; %2 uses schema %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install runs versions %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another module is installed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The migration table %1 belongs to %2, not to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the installed version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The migration table records version &apos;%1&apos;, which is not a version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The migration table %1 has no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is a beta-testing install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A beta-testing install cannot be upgraded: install the release into a new database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is newer than the module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has %1 %2, the module&apos;s newest version is %3: use a newer module.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade available from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upgrade runs versions %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is up to date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pumqt::ParameterForm</name>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NULL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This module has no parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decimal number, e.g. 1.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: %1, default: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: %1, no default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set when the module was installed; only app_only parameters may change on upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
