<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
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
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
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
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 of %2 steps</source>
        <translation>%1 étapes sur %2</translation>
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
</context>
<context>
    <name>pumqgis::ValidateTask</name>
    <message>
        <source>Validate %1</source>
        <translation>Valider %1</translation>
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
        <source>Locked: %1</source>
        <translation>Verrouillé : %1</translation>
    </message>
    <message>
        <source>set when the module was installed; only app_only parameters may change on upgrade.</source>
        <translation>fixé à l'installation du module ; seuls les paramètres app_only peuvent changer lors d'une mise à jour.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
</TS>