<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>pumqgis::CompareTask</name>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Comparaison annulée.</translation>
    </message>
    <message>
        <source>Comparison failed: %1</source>
        <translation>La comparaison a échoué : %1</translation>
    </message>
    <message>
        <source>%1 and %2 are equal.</source>
        <translation>%1 et %2 sont identiques.</translation>
    </message>
    <message>
        <source>%1 and %2 differ (differences: %3).</source>
        <translation>%1 et %2 diffèrent (différences : %3).</translation>
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
        <translation>La configuration d'authentification %1 de la connexion %2 n'a pas pu être lue (mot de passe principal erroné, ou configuration supprimée).</translation>
    </message>
</context>
<context>
    <name>pumqgis::FleetDialog</name>
    <message>
        <source>Fleet: %1</source>
        <translation>Flotte : %1</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Bases de données</translation>
    </message>
    <message>
        <source>The connections checked below</source>
        <translation>Les connexions cochées ci-dessous</translation>
    </message>
    <message>
        <source>Every database holding %1 on the server of</source>
        <translation>Chaque base de données contenant %1 sur le serveur de</translation>
    </message>
    <message>
        <source>named like</source>
        <translation>dont le nom ressemble à</translation>
    </message>
    <message>
        <source>muni_% (empty: all)</source>
        <translation>commune_% (vide : toutes)</translation>
    </message>
    <message>
        <source>An SQL LIKE pattern on the database names: % matches any text, _ one character.</source>
        <translation>Un motif SQL LIKE sur les noms des bases de données : % correspond à n'importe quel texte, _ à un caractère.</translation>
    </message>
    <message>
        <source>Databases at once</source>
        <translation>Bases de données à la fois</translation>
    </message>
    <message>
        <source>How many databases run at the same time, each in its own connection and transaction.</source>
        <translation>Combien de bases de données sont traitées en même temps, chacune dans sa propre connexion et transaction.</translation>
    </message>
    <message>
        <source>Show the installed and the pending versions of each database.</source>
        <translation>Afficher la version installée et les versions en attente de chaque base de données.</translation>
    </message>
    <message>
        <source>Run the upgrade in each database, report what it would change, then roll back.</source>
        <translation>Exécuter la mise à jour dans chaque base de données, indiquer ce qu'elle changerait, puis tout annuler.</translation>
    </message>
    <message>
        <source>Upgrade each database in its own transaction: a failure rolls back that database only.</source>
        <translation>Mettre à jour chaque base de données dans sa propre transaction : un échec n'annule que cette base.</translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation>Annuler la sélection</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Tout annuler</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>Exporter en HTML…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>the newest version</source>
        <translation>la version la plus récente</translation>
    </message>
    <message>
        <source>Module %1, up to %2.</source>
        <translation>Module %1, jusqu'à %2.</translation>
    </message>
    <message>
        <source>Parameters: %1.</source>
        <translation>Paramètres : %1.</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Infos</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Mettre à jour</translation>
    </message>
    <message>
        <source>Choose the connection whose server to search.</source>
        <translation>Choisissez la connexion dont le serveur doit être parcouru.</translation>
    </message>
    <message>
        <source>Check at least one connection, or choose every database of a server.</source>
        <translation>Cochez au moins une connexion, ou choisissez toutes les bases de données d'un serveur.</translation>
    </message>
    <message>
        <source>Invalid parameter: %1</source>
        <translation>Paramètre invalide : %1</translation>
    </message>
    <message>
        <source>Upgrade %1 in every database of the server of %2 that holds it?

Each database is upgraded in its own transaction.</source>
        <translation>Mettre à jour %1 dans chaque base de données du serveur de %2 qui le contient ?

Chaque base de données est mise à jour dans sa propre transaction.</translation>
    </message>
    <message>
        <source>Upgrade %1 in %2 databases?

Each database is upgraded in its own transaction.</source>
        <translation>Mettre à jour %1 dans %2 bases de données ?

Chaque base de données est mise à jour dans sa propre transaction.</translation>
    </message>
    <message>
        <source>Python hooks are not available: %1</source>
        <translation>Les hooks Python ne sont pas disponibles : %1</translation>
    </message>
    <message>
        <source>Looking for the databases holding %1…</source>
        <translation>Recherche des bases de données contenant %1…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>%1, %2 databases at once</source>
        <translation>%1, %2 bases de données à la fois</translation>
    </message>
    <message>
        <source>%1: fleet %2</source>
        <translation>%1 : flotte %2</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>%1 ignorée : %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 of %2 databases done</source>
        <translation>%1 sur %2 bases de données terminées</translation>
    </message>
    <message>
        <source>%1 databases in %2 s (%3 at once). %4</source>
        <translation>%1 bases de données en %2 s (%3 à la fois). %4</translation>
    </message>
    <message>
        <source>Cancelling: every database not committed yet rolls back.</source>
        <translation>Annulation : chaque base de données pas encore validée est remise dans son état initial.</translation>
    </message>
    <message>
        <source>Cancelling %1: it rolls back unless it is committing already.</source>
        <translation>Annulation de %1 : elle est remise dans son état initial, sauf si sa validation a déjà commencé.</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>Annuler %1</translation>
    </message>
    <message>
        <source>Nothing to export yet: run Info, Dry run or Upgrade first.</source>
        <translation>Rien à exporter pour l'instant : lancez d'abord Infos, Simulation ou Mettre à jour.</translation>
    </message>
    <message>
        <source>%1: choose a file ending in .html or .csv.</source>
        <translation>%1 : choisissez un fichier se terminant par .html ou .csv.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>Page HTML (*.html)</translation>
    </message>
    <message>
        <source>Export the summary</source>
        <translation>Exporter le résumé</translation>
    </message>
    <message>
        <source>Summary written to %1</source>
        <translation>Résumé écrit dans %1</translation>
    </message>
</context>
<context>
    <name>pumqgis::FleetTask</name>
    <message>
        <source>No database of this server holds module %1.</source>
        <translation>Aucune base de données de ce serveur ne contient le module %1.</translation>
    </message>
    <message>
        <source>No database of this server named like %1 holds module %2.</source>
        <translation>Aucune base de données de ce serveur dont le nom ressemble à %1 ne contient le module %2.</translation>
    </message>
    <message>
        <source>Cancelled before any database was started.</source>
        <translation>Annulé avant le démarrage de toute base de données.</translation>
    </message>
</context>
<context>
    <name>pumqgis::ModuleArchive</name>
    <message>
        <source>a NUL character in the name</source>
        <translation>un caractère NUL dans le nom</translation>
    </message>
    <message>
        <source>an absolute path</source>
        <translation>un chemin absolu</translation>
    </message>
    <message>
        <source>a drive letter</source>
        <translation>une lettre de lecteur</translation>
    </message>
    <message>
        <source>a ".." component, outside of the folder it is unpacked to</source>
        <translation>un élément « .. », hors du dossier où elle est décompressée</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1 : %2.</translation>
    </message>
    <message>
        <source>%1 is not a zip archive (no zip directory at its end).</source>
        <translation>%1 n'est pas une archive zip (pas de répertoire zip à sa fin).</translation>
    </message>
    <message>
        <source>%1 holds %2 files, more than the %3 a module archive may hold.</source>
        <translation>%1 contient %2 fichiers, plus que les %3 qu'une archive de module peut contenir.</translation>
    </message>
    <message>
        <source>%1 is not a zip archive (its directory is damaged at entry %2).</source>
        <translation>%1 n'est pas une archive zip (son répertoire est endommagé à l'entrée %2).</translation>
    </message>
    <message>
        <source>The module archive %1 does not exist.</source>
        <translation>L'archive de module %1 n'existe pas.</translation>
    </message>
    <message>
        <source>%1 is refused: its entry "%2" has %3.</source>
        <translation>%1 est refusée : son entrée « %2 » contient %3.</translation>
    </message>
    <message>
        <source>%1 is refused: unpacked it would take more than %2 MiB.</source>
        <translation>%1 est refusée : décompressée, elle occuperait plus de %2 Mio.</translation>
    </message>
    <message>
        <source>%1 holds no .pum.yaml: it is not a pum module archive.</source>
        <translation>%1 ne contient aucun .pum.yaml : ce n'est pas une archive de module pum.</translation>
    </message>
    <message>
        <source>%1 holds several modules, one .pum.yaml is expected: %2.</source>
        <translation>%1 contient plusieurs modules, un seul .pum.yaml est attendu : %2.</translation>
    </message>
    <message>
        <source>Cannot create the cache folder %1.</source>
        <translation>Impossible de créer le dossier de cache %1.</translation>
    </message>
    <message>
        <source>Cannot unpack %1 into %2.</source>
        <translation>Impossible de décompresser %1 dans %2.</translation>
    </message>
    <message>
        <source>Cannot move the unpacked archive to %1.</source>
        <translation>Impossible de déplacer l'archive décompressée vers %1.</translation>
    </message>
    <message>
        <source>The module in %1 (%2) cannot be read: %3</source>
        <translation>Le module de %1 (%2) ne peut pas être lu : %3</translation>
    </message>
</context>
<context>
    <name>pumqgis::ProjectOpener</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>%1 would be written over itself: choose another folder.</source>
        <translation>%1 serait écrit sur lui-même : choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Cannot read the project %1: %2.</source>
        <translation>Impossible de lire le projet %1 : %2.</translation>
    </message>
    <message>
        <source>The project %1 is not valid XML (line %2, column %3): %4.</source>
        <translation>Le projet %1 n'est pas un XML valide (ligne %2, colonne %3) : %4.</translation>
    </message>
    <message>
        <source>Cannot write the project %1: %2.</source>
        <translation>Impossible d'écrire le projet %1 : %2.</translation>
    </message>
    <message>
        <source>Cannot unpack the project %1.</source>
        <translation>Impossible de décompresser le projet %1.</translation>
    </message>
    <message>
        <source>The project %1 holds %2 .qgs files, one is expected.</source>
        <translation>Le projet %1 contient %2 fichiers .qgs, un seul est attendu.</translation>
    </message>
    <message>
        <source>Cannot write the project %1.</source>
        <translation>Impossible d'écrire le projet %1.</translation>
    </message>
    <message>
        <source>Open the QGIS project…</source>
        <translation>Ouvrir le projet QGIS…</translation>
    </message>
    <message>
        <source>QGIS project</source>
        <translation>Projet QGIS</translation>
    </message>
    <message>
        <source>The module ships a QGIS project: open it with its layers on %1.</source>
        <translation>Le module fournit un projet QGIS : ouvrez-le avec ses couches sur %1.</translation>
    </message>
    <message>
        <source>The module ships %1 QGIS projects: open one with its layers on %2.</source>
        <translation>Le module fournit %1 projets QGIS : ouvrez-en un avec ses couches sur %2.</translation>
    </message>
    <message>
        <source>Project to open:</source>
        <translation>Projet à ouvrir :</translation>
    </message>
    <message>
        <source>Folder to write the QGIS project to</source>
        <translation>Dossier où écrire le projet QGIS</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 n'a pas pu être ouvert : %2</translation>
    </message>
    <message>
        <source>Opened %1, its PostgreSQL layers pointed at %2: %3.</source>
        <translation>%1 ouvert, ses couches PostgreSQL pointent vers %2 : %3.</translation>
    </message>
</context>
<context>
    <name>pumqgis::PumDialog</name>
    <message>
        <source>Datamodel manager (pum)</source>
        <translation>Gestionnaire de modèles de données (pum)</translation>
    </message>
    <message>
        <source>QGIS's saved PostgreSQL connections and the services of pg_service.conf</source>
        <translation>Les connexions PostgreSQL enregistrées dans QGIS et les services de pg_service.conf</translation>
    </message>
    <message>
        <source>Reload the connections</source>
        <translation>Recharger les connexions</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>The datamodel's folder: the one holding its .pum.yaml</source>
        <translation>Le dossier du modèle de données : celui qui contient son .pum.yaml</translation>
    </message>
    <message>
        <source>Folder holding a .pum.yaml</source>
        <translation>Dossier contenant un .pum.yaml</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the module's folder</source>
        <translation>Choisir le dossier du module</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Install or upgrade up to this version; the version Baseline records</source>
        <translation>Installer ou mettre à jour jusqu'à cette version ; la version qu'enregistre Baseline</translation>
    </message>
    <message>
        <source>Target version</source>
        <translation>Version cible</translation>
    </message>
    <message>
        <source>Demo data set loaded after Install, or by Install demo data</source>
        <translation>Jeu de données de démonstration chargé après l'installation, ou par « Installer les données de démo »</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démo</translation>
    </message>
    <message>
        <source>Create roles and grant permissions</source>
        <translation>Créer les rôles et accorder les droits</translation>
    </message>
    <message>
        <source>Beta testing (such an install cannot be upgraded)</source>
        <translation>Bêta-test (une telle installation ne peut pas être mise à jour)</translation>
    </message>
    <message>
        <source>Skip dropping the application</source>
        <translation>Ne pas supprimer l'application</translation>
    </message>
    <message>
        <source>Skip creating the application</source>
        <translation>Ne pas créer l'application</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>Create the datamodel in this database</source>
        <translation>Créer le modèle de données dans cette base</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Mettre à jour</translation>
    </message>
    <message>
        <source>Run the newer changelogs</source>
        <translation>Exécuter les changelogs plus récents</translation>
    </message>
    <message>
        <source>Recreate app</source>
        <translation>Recréer l'application</translation>
    </message>
    <message>
        <source>Drop and create the application (views, functions)</source>
        <translation>Supprimer et recréer l'application (vues, fonctions)</translation>
    </message>
    <message>
        <source>Install demo data</source>
        <translation>Installer les données de démo</translation>
    </message>
    <message>
        <source>Load the demo data set chosen in the options</source>
        <translation>Charger le jeu de données de démo choisi dans les options</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>Désinstaller</translation>
    </message>
    <message>
        <source>Run the module's uninstall hooks</source>
        <translation>Exécuter les hooks de désinstallation du module</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Record the target version as installed, without running anything</source>
        <translation>Enregistrer la version cible comme installée, sans rien exécuter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the command: its transaction is rolled back</source>
        <translation>Arrêter la commande : sa transaction est annulée</translation>
    </message>
    <message>
        <source>Choose a connection and a module.</source>
        <translation>Choisissez une connexion et un module.</translation>
    </message>
    <message>
        <source>No saved PostgreSQL connection</source>
        <translation>Aucune connexion PostgreSQL enregistrée</translation>
    </message>
    <message>
        <source>Module folder (holding a .pum.yaml)</source>
        <translation>Dossier du module (contenant un .pum.yaml)</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>La plus récente</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Choose a connection.</source>
        <translation>Choisissez une connexion.</translation>
    </message>
    <message>
        <source>Choose the module's folder.</source>
        <translation>Choisissez le dossier du module.</translation>
    </message>
    <message>
        <source>Reading the database…</source>
        <translation>Lecture de la base de données…</translation>
    </message>
    <message>
        <source>Choose a demo data set in the options.</source>
        <translation>Choisissez un jeu de données de démo dans les options.</translation>
    </message>
    <message>
        <source>Choose the version to record as baseline in Target version.</source>
        <translation>Choisissez dans « Version cible » la version à enregistrer comme baseline.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>service %1</translation>
    </message>
    <message>
        <source>Uninstall %1 from database %2 (connection %3)?

The module's uninstall hooks drop its schemas and data.</source>
        <translation>Désinstaller %1 de la base de données %2 (connexion %3) ?

Les hooks de désinstallation du module suppriment ses schémas et ses données.</translation>
    </message>
    <message>
        <source>Record %1 %2 as installed in database %3 (connection %4), without running anything?</source>
        <translation>Enregistrer %1 %2 comme installé dans la base de données %3 (connexion %4), sans rien exécuter ?</translation>
    </message>
    <message>
        <source>Python hooks are not available: %1</source>
        <translation>Les hooks Python ne sont pas disponibles : %1</translation>
    </message>
    <message>
        <source>Check the module's SQL and Python files without a database: PostgreSQL's own parser, parameters, versions</source>
        <translation>Vérifier les fichiers SQL et Python du module sans base de données : l'analyseur de PostgreSQL lui-même, les paramètres, les versions</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Run Install and Upgrade although Validate found errors</source>
        <translation>Permettre l'installation et la mise à jour malgré les erreurs trouvées par « Valider »</translation>
    </message>
    <message>
        <source>Ignore validation errors</source>
        <translation>Ignorer les erreurs de validation</translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation>Validation de %1…</translation>
    </message>
    <message>
        <source>Validation could not run: %1</source>
        <translation>La validation n'a pas pu s'exécuter : %1</translation>
    </message>
    <message>
        <source>Could not start the editor %1 (setting %2)</source>
        <translation>Impossible de lancer l'éditeur %1 (paramètre %2)</translation>
    </message>
    <message>
        <source>%1 files and %2 statements checked: errors: %3, warnings: %4</source>
        <translation>%1 fichiers et %2 instructions vérifiés : erreurs : %3, avertissements : %4</translation>
    </message>
    <message>
        <source>Double-click a finding to open its file at its line.</source>
        <translation>Double-cliquez sur un résultat pour ouvrir son fichier à cette ligne.</translation>
    </message>
    <message>
        <source>Install and Upgrade wait until Validate finds no error, or until you tick Ignore validation errors.</source>
        <translation>L'installation et la mise à jour attendent que « Valider » ne trouve plus d'erreur, ou que vous cochiez « Ignorer les erreurs de validation ».</translation>
    </message>
    <message>
        <source>Run Install or Upgrade (whichever the status allows) inside its transaction, roll it back, and show what it would change</source>
        <translation>Exécuter l'installation ou la mise à jour (selon l'état) dans sa transaction, l'annuler, et montrer ce qu'elle changerait</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Compare the structure of this database with another connection</source>
        <translation>Comparer la structure de cette base de données avec une autre connexion</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Comparer…</translation>
    </message>
    <message>
        <source>Run Info, Dry run or Upgrade of this module over many databases at once</source>
        <translation>Lancer Infos, Simulation ou Mettre à jour de ce module sur plusieurs bases de données à la fois</translation>
    </message>
    <message>
        <source>Fleet…</source>
        <translation>Flotte…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <source>Release archive (.zip)…</source>
        <translation>Archive de version (.zip)…</translation>
    </message>
    <message>
        <source>Module archive %1: %2, newest version %3, in %4</source>
        <translation>Archive de module %1 : %2, version la plus récente %3, dans %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Module release archive (a .zip holding a .pum.yaml)</source>
        <translation>Archive de version du module (un .zip contenant un .pum.yaml)</translation>
    </message>
    <message>
        <source>Module release archives (*.zip)</source>
        <translation>Archives de version de modules (*.zip)</translation>
    </message>
    <message>
        <source>Run the upgrade and roll it back: the report lists every change it would make</source>
        <translation>Exécuter la mise à jour puis l'annuler : le rapport liste chaque changement qu'elle ferait</translation>
    </message>
    <message>
        <source>Run the install and roll it back: the report lists every change it would make</source>
        <translation>Exécuter l'installation puis l'annuler : le rapport liste chaque changement qu'elle ferait</translation>
    </message>
    <message>
        <source>Not while a command runs</source>
        <translation>Pas pendant qu'une commande s'exécute</translation>
    </message>
    <message>
        <source>Correct the parameters, or the errors Validate found, first</source>
        <translation>Corrigez d'abord les paramètres, ou les erreurs trouvées par « Valider »</translation>
    </message>
    <message>
        <source>Nothing to try: the database is up to date. Recreate app rebuilds the application layer.</source>
        <translation>Rien à essayer : la base de données est à jour. « Recréer l'application » reconstruit la couche applicative.</translation>
    </message>
    <message>
        <source>Available when there is something to install or upgrade</source>
        <translation>Disponible quand il y a quelque chose à installer ou à mettre à jour</translation>
    </message>
    <message>
        <source>Show or hide the log</source>
        <translation>Afficher ou masquer le journal</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Write every message of the log, at every level, with its time, to a text file</source>
        <translation>Écrire chaque message du journal, à tous les niveaux, avec son heure, dans un fichier texte</translation>
    </message>
    <message>
        <source>Save log…</source>
        <translation>Enregistrer le journal…</translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation>Enregistrer le journal</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Fichiers journaux (*.log *.txt)</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Enregistrer le journal</translation>
    </message>
    <message>
        <source>Log saved to %1</source>
        <translation>Journal enregistré dans %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1 (%2 s)</translation>
    </message>
    <message>
        <source>What the log shows: Warnings (errors and warnings), Normal (what runs, a line per file), Detailed (also each step as it starts, the server's notices and each statement). Every message is kept: a level chosen later shows the earlier ones too.</source>
        <translation>Ce que montre le journal : Avertissements (erreurs et avertissements), Normal (ce qui s'exécute, une ligne par fichier), Détaillé (aussi chaque étape à son début, les notices du serveur et chaque instruction). Chaque message est conservé : un niveau choisi plus tard montre aussi les précédents.</translation>
    </message>
</context>
<context>
    <name>pumqgis::PumPlugin</name>
    <message>
        <source>Datamodel manager (pum)…</source>
        <translation>Gestionnaire de modèles de données (pum)…</translation>
    </message>
    <message>
        <source>Install and upgrade PostgreSQL datamodels (pum modules)</source>
        <translation>Installer et mettre à jour des modèles de données PostgreSQL (modules pum)</translation>
    </message>
    <message>
        <source>&amp;Datamodel manager (pum)</source>
        <translation>&amp;Gestionnaire de modèles de données (pum)</translation>
    </message>
</context>
<context>
    <name>pumqgis::PythonHooks</name>
    <message>
        <source>this module has Python hooks (.py), but this pum was built without Python hooks (%1 is missing)</source>
        <translation>ce module a des hooks Python (.py), mais ce pum a été compilé sans hooks Python (%1 manque)</translation>
    </message>
    <message>
        <source>cannot load the Python hook runner: %1</source>
        <translation>impossible de charger l'exécuteur des hooks Python : %1</translation>
    </message>
    <message>
        <source>%1 has no pum_python_register</source>
        <translation>%1 ne contient pas pum_python_register</translation>
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
        <translation>Tables</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Contraintes</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>Séquences</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Déclencheurs</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Fonctions</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Enregistrer le rapport…</translation>
    </message>
    <message>
        <source>Only in %1</source>
        <translation>Seulement dans %1</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Avant : %1</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Après : %1</translation>
    </message>
    <message>
        <source>Dry run of the install: %1</source>
        <translation>Simulation de l'installation : %1</translation>
    </message>
    <message>
        <source>Dry run of the upgrade: %1</source>
        <translation>Simulation de la mise à jour : %1</translation>
    </message>
    <message>
        <source>Dry run of the upgrade of %1 from %2 to %3; schema changes: %4.</source>
        <translation>Simulation de la mise à jour de %1 de %2 à %3 ; modifications du schéma : %4.</translation>
    </message>
    <message>
        <source>Dry run of the install of %1 at version %2; schema changes: %3.</source>
        <translation>Simulation de l'installation de %1 en version %2 ; modifications du schéma : %3.</translation>
    </message>
    <message>
        <source>Nothing was changed: the transaction was rolled back.</source>
        <translation>Rien n'a été modifié : la transaction a été annulée.</translation>
    </message>
    <message>
        <source>Versions to apply</source>
        <translation>Versions à appliquer</translation>
    </message>
    <message>
        <source>Files and hooks</source>
        <translation>Fichiers et hooks</translation>
    </message>
    <message>
        <source>statements: %1</source>
        <translation>instructions : %1</translation>
    </message>
    <message>
        <source>Schema changes</source>
        <translation>Modifications du schéma</translation>
    </message>
    <message>
        <source>ACCESS EXCLUSIVE locks</source>
        <translation>Verrous ACCESS EXCLUSIVE</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <source>(dropped by the run)</source>
        <translation>(supprimée par l'exécution)</translation>
    </message>
    <message>
        <source>(empty table)</source>
        <translation>(table vide)</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Equal: %1 and %2 have the same structure.</source>
        <translation>Identiques : %1 et %2 ont la même structure.</translation>
    </message>
    <message>
        <source>Different: %1 and %2 differ (differences: %3).</source>
        <translation>Différentes : %1 et %2 diffèrent (différences : %3).</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Aucune différence</translation>
    </message>
    <message>
        <source>Compare %1</source>
        <translation>Comparer %1</translation>
    </message>
    <message>
        <source>Compare %1 with</source>
        <translation>Comparer %1 avec</translation>
    </message>
    <message>
        <source>Choose a connection in the dialog first.</source>
        <translation>Choisissez d'abord une connexion dans la boîte de dialogue.</translation>
    </message>
    <message>
        <source>There is no other connection to compare with.</source>
        <translation>Il n'y a pas d'autre connexion avec laquelle comparer.</translation>
    </message>
    <message>
        <source>Choose the connection to compare with.</source>
        <translation>Choisissez la connexion avec laquelle comparer.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>Comparaison de %1 avec %2…</translation>
    </message>
    <message>
        <source>Compare %1 with %2</source>
        <translation>Comparer %1 avec %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>There is no report to save yet.</source>
        <translation>Il n'y a pas encore de rapport à enregistrer.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>HTML page (*.html);;JSON (*.json)</source>
        <translation>Page HTML (*.html);;JSON (*.json)</translation>
    </message>
    <message>
        <source>This report lists %1 schema changes, too many to show here. Save report… writes it as an HTML page for a web browser, or as JSON.</source>
        <translation>Ce rapport liste %1 modifications du schéma, trop pour les afficher ici. « Enregistrer le rapport… » l'écrit comme page HTML pour un navigateur web, ou en JSON.</translation>
    </message>
</context>
<context>
    <name>pumqgis::SridEditor</name>
    <message>
        <source>No CRS (use the default)</source>
        <translation>Aucun SCR (utiliser la valeur par défaut)</translation>
    </message>
</context>
<context>
    <name>pumqgis::UpgradeTask</name>
    <message>
        <source>Nothing was changed: the transaction was rolled back.</source>
        <translation>Rien n'a été modifié : la transaction a été annulée.</translation>
    </message>
    <message>
        <source>Reading the status</source>
        <translation>Lecture de l'état</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Mettre à jour</translation>
    </message>
    <message>
        <source>Recreate app</source>
        <translation>Recréer l'application</translation>
    </message>
    <message>
        <source>Install demo data</source>
        <translation>Installer les données de démo</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>Désinstaller</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Cancelled. %1</source>
        <translation>Annulé. %1</translation>
    </message>
    <message>
        <source>SQL error: %1</source>
        <translation>Erreur SQL : %1</translation>
    </message>
    <message>
        <source>SQL error in %1, line %2: %3</source>
        <translation>Erreur SQL dans %1, ligne %2 : %3</translation>
    </message>
    <message>
        <source>SQLSTATE %1</source>
        <translation>SQLSTATE %1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Détail : %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Conseil : %1</translation>
    </message>
    <message>
        <source>Context: %1</source>
        <translation>Contexte : %1</translation>
    </message>
    <message>
        <source>Statement: %1</source>
        <translation>Instruction : %1</translation>
    </message>
    <message>
        <source>Invalid module: %1</source>
        <translation>Module invalide : %1</translation>
    </message>
    <message>
        <source>Choose the version to record as baseline.</source>
        <translation>Choisissez la version à enregistrer comme baseline.</translation>
    </message>
    <message>
        <source>%1 installed at version %2 in %3 s</source>
        <translation>%1 installé en version %2 en %3 s</translation>
    </message>
    <message>
        <source>%1 is already up to date</source>
        <translation>%1 est déjà à jour</translation>
    </message>
    <message>
        <source>%1 upgraded from %2 to %3 in %4 s</source>
        <translation>%1 mis à jour de %2 à %3 en %4 s</translation>
    </message>
    <message>
        <source>%1: application recreated in %2 s</source>
        <translation>%1 : application recréée en %2 s</translation>
    </message>
    <message>
        <source>%1: demo data %2 loaded in %3 s</source>
        <translation>%1 : données de démo %2 chargées en %3 s</translation>
    </message>
    <message>
        <source>%1 uninstalled in %2 s</source>
        <translation>%1 désinstallé en %2 s</translation>
    </message>
    <message>
        <source>%1: baseline %2 recorded</source>
        <translation>%1 : baseline %2 enregistrée</translation>
    </message>
    <message>
        <source>Only Install and Upgrade have a dry run.</source>
        <translation>Seules l'installation et la mise à jour ont une simulation.</translation>
    </message>
    <message>
        <source>%1 schema changes</source>
        <translation>%1 modifications du schéma</translation>
    </message>
    <message>
        <source>Dry run: %1 is up to date; recreating its application would make %2, in %3 s. %4</source>
        <translation>Simulation : %1 est à jour ; recréer son application ferait %2, en %3 s. %4</translation>
    </message>
    <message>
        <source>Dry run: would upgrade %1 from %2 to %3, %4, in %5 s. %6</source>
        <translation>Simulation : mettrait à jour %1 de %2 à %3, %4, en %5 s. %6</translation>
    </message>
    <message>
        <source>Dry run: would install %1 %2, %3, in %4 s. %5</source>
        <translation>Simulation : installerait %1 %2, %3, en %4 s. %5</translation>
    </message>
    <message>
        <source>%1: dry run of %2</source>
        <translation>%1 : simulation de %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>pumqgis::ValidateTask</name>
    <message>
        <source>Validate %1</source>
        <translation>Valider %1</translation>
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
        <translation>Non exécutée</translation>
    </message>
    <message>
        <source>Upgraded</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <source>Upgrade pending</source>
        <translation>Mise à jour en attente</translation>
    </message>
    <message>
        <source>Would upgrade</source>
        <translation>Serait mise à jour</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>Non installé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running: %1 of %2 steps</source>
        <translation>En cours : %1 étapes sur %2</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Versions: %1</source>
        <translation>Versions : %1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>pumqt::LogView</name>
    <message>
        <source>The log of the running command appears here.</source>
        <translation>Le journal de la commande en cours s'affiche ici.</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>Erreur : </translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Avertissement : </translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Détaillé</translation>
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
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>Cannot read the status</source>
        <translation>Impossible de lire l'état</translation>
    </message>
    <message>
        <source>Another module is installed in this database</source>
        <translation>Un autre module est installé dans cette base de données</translation>
    </message>
    <message>
        <source>A migration table exists in schema %1; %2 uses schema %3.</source>
        <translation>Une table de migration existe dans le schéma %1 ; %2 utilise le schéma %3.</translation>
    </message>
    <message>
        <source>%1 is not installed</source>
        <translation>%1 n'est pas installé</translation>
    </message>
    <message>
        <source>Install runs versions %1.</source>
        <translation>L'installation exécute les versions %1.</translation>
    </message>
    <message>
        <source>Another module is installed: %1</source>
        <translation>Un autre module est installé : %1</translation>
    </message>
    <message>
        <source>The migration table %1 belongs to %2, not to %3.</source>
        <translation>La table de migration %1 appartient à %2, pas à %3.</translation>
    </message>
    <message>
        <source>Cannot read the installed version</source>
        <translation>Impossible de lire la version installée</translation>
    </message>
    <message>
        <source>The migration table records version '%1', which is not a version.</source>
        <translation>La table de migration contient la version « %1 », qui n'est pas une version.</translation>
    </message>
    <message>
        <source>The migration table %1 has no rows.</source>
        <translation>La table de migration %1 est vide.</translation>
    </message>
    <message>
        <source>%1 %2 is a beta-testing install</source>
        <translation>%1 %2 est une installation de bêta-test</translation>
    </message>
    <message>
        <source>A beta-testing install cannot be upgraded: install the release into a new database.</source>
        <translation>Une installation de bêta-test ne peut pas être mise à jour : installez la version publiée dans une nouvelle base de données.</translation>
    </message>
    <message>
        <source>The database is newer than the module</source>
        <translation>La base de données est plus récente que le module</translation>
    </message>
    <message>
        <source>The database has %1 %2, the module's newest version is %3: use a newer module.</source>
        <translation>La base de données contient %1 %2, la version la plus récente du module est %3 : utilisez un module plus récent.</translation>
    </message>
    <message>
        <source>Upgrade available from %1 to %2</source>
        <translation>Mise à jour disponible de %1 à %2</translation>
    </message>
    <message>
        <source>The upgrade runs versions %1.</source>
        <translation>La mise à jour exécute les versions %1.</translation>
    </message>
    <message>
        <source>%1 %2 is up to date</source>
        <translation>%1 %2 est à jour</translation>
    </message>
    <message>
        <source>Version %1 installed on %2%3.</source>
        <translation>Version %1 installée le %2%3.</translation>
    </message>
    <message>
        <source>, for beta testing</source>
        <translation>, pour le bêta-test</translation>
    </message>
    <message>
        <source>Parameters other than the defaults: %1.</source>
        <translation>Paramètres autres que les valeurs par défaut : %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No demo data loaded.</source>
        <translation>Aucune donnée de démo chargée.</translation>
    </message>
    <message>
        <source>Demo data loaded: %1.</source>
        <translation>Données de démo chargées : %1.</translation>
    </message>
</context>
<context>
    <name>pumqt::ParameterForm</name>
    <message>
        <source>(not set)</source>
        <translation>(non défini)</translation>
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
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>booléen</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>entier</translation>
    </message>
    <message>
        <source>decimal</source>
        <translation>décimal</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>This module has no parameters.</source>
        <translation>Ce module n'a pas de paramètres.</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>nombre entier</translation>
    </message>
    <message>
        <source>decimal number, e.g. 1.50</source>
        <translation>nombre décimal, p. ex. 1.50</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2) : %3</translation>
    </message>
    <message>
        <source>Type: %1, default: %2</source>
        <translation>Type : %1, par défaut : %2</translation>
    </message>
    <message>
        <source>Type: %1, no default</source>
        <translation>Type : %1, pas de valeur par défaut</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Fixed when the module was installed; changing it needs a reinstall.</source>
        <translation>Fixé à l'installation du module ; le changer demande une réinstallation.</translation>
    </message>
</context>
</TS>