#!/usr/bin/python3
"""Fills i18n/pum_{de,fr,it}.ts from the tables below.

Workflow: `lupdate plugin/widgets plugin/qgis -ts i18n/pum_xx.ts` extracts new
strings; add their translations here (or, for a feature of its own, in
i18n/strings_<feature>.py, a table T of the same form) and run this script; lrelease (run by the
build) compiles the .ts files. A string without a translation here stays
unfinished in the .ts file, and the script says which. `--check` changes
nothing and fails when a .ts file has an untranslated message (a ctest).
"""
import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# source: (German, French, Italian)
T = {
    "%1 (pg_service)": ("%1 (pg_service)", "%1 (pg_service)", "%1 (pg_service)"),
    "The authentication configuration %1 of connection %2 could not be read (wrong master password, or the configuration was deleted).": (
        "Die Authentifizierungskonfiguration %1 der Verbindung %2 konnte nicht gelesen werden (falsches Master-Passwort, oder die Konfiguration wurde gelöscht).",
        "La configuration d'authentification %1 de la connexion %2 n'a pas pu être lue (mot de passe principal erroné, ou configuration supprimée).",
        "Impossibile leggere la configurazione di autenticazione %1 della connessione %2 (password principale errata, oppure la configurazione è stata eliminata)."),
    "Datamodel manager (pum)": ("Datenmodell-Verwaltung (pum)", "Gestionnaire de modèles de données (pum)", "Gestione modelli di dati (pum)"),
    "QGIS's saved PostgreSQL connections and the services of pg_service.conf": (
        "Die in QGIS gespeicherten PostgreSQL-Verbindungen und die Dienste aus pg_service.conf",
        "Les connexions PostgreSQL enregistrées dans QGIS et les services de pg_service.conf",
        "Le connessioni PostgreSQL salvate in QGIS e i servizi di pg_service.conf"),
    "Reload the connections": ("Verbindungen neu laden", "Recharger les connexions", "Ricarica le connessioni"),
    "Connection": ("Verbindung", "Connexion", "Connessione"),
    "The datamodel's folder: the one holding its .pum.yaml": (
        "Der Ordner des Datenmodells: der Ordner mit seiner .pum.yaml",
        "Le dossier du modèle de données : celui qui contient son .pum.yaml",
        "La cartella del modello di dati: quella che contiene il suo .pum.yaml"),
    "Folder holding a .pum.yaml": ("Ordner mit einer .pum.yaml", "Dossier contenant un .pum.yaml", "Cartella che contiene un .pum.yaml"),
    "…": ("…", "…", "…"),
    "Choose the module's folder": ("Ordner des Moduls wählen", "Choisir le dossier du module", "Scegli la cartella del modulo"),
    "Module": ("Modul", "Module", "Modulo"),
    "Status": ("Status", "État", "Stato"),
    "Parameters": ("Parameter", "Paramètres", "Parametri"),
    "Options": ("Optionen", "Options", "Opzioni"),
    "Install or upgrade up to this version; the version Baseline records": (
        "Bis zu dieser Version installieren oder aktualisieren; die Version, die Baseline einträgt",
        "Installer ou mettre à jour jusqu'à cette version ; la version qu'enregistre Baseline",
        "Installa o aggiorna fino a questa versione; la versione che Baseline registra"),
    "Target version": ("Zielversion", "Version cible", "Versione di destinazione"),
    "Demo data set loaded after Install, or by Install demo data": (
        "Demodatensatz, der nach der Installation oder mit «Demodaten installieren» geladen wird",
        "Jeu de données de démonstration chargé après l'installation, ou par « Installer les données de démo »",
        "Insieme di dati dimostrativi caricato dopo l'installazione, o con «Installa dati dimostrativi»"),
    "Demo data": ("Demodaten", "Données de démo", "Dati dimostrativi"),
    "Create roles and grant permissions": ("Rollen erstellen und Berechtigungen erteilen", "Créer les rôles et accorder les droits", "Crea i ruoli e concedi i permessi"),
    "Beta testing (such an install cannot be upgraded)": (
        "Betatest (danach nicht aktualisierbar)",
        "Bêta-test (une telle installation ne peut pas être mise à jour)",
        "Beta test (un'installazione così non può essere aggiornata)"),
    "Skip dropping the application": ("Anwendung nicht löschen", "Ne pas supprimer l'application", "Non eliminare l'applicazione"),
    "Skip creating the application": ("Anwendung nicht erstellen", "Ne pas créer l'application", "Non creare l'applicazione"),
    "Install": ("Installieren", "Installer", "Installa"),
    "Create the datamodel in this database": ("Das Datenmodell in dieser Datenbank erstellen", "Créer le modèle de données dans cette base", "Crea il modello di dati in questo database"),
    "Upgrade": ("Aktualisieren", "Mettre à jour", "Aggiorna"),
    "Run the newer changelogs": ("Die neueren Changelogs ausführen", "Exécuter les changelogs plus récents", "Esegui i changelog più recenti"),
    "Recreate app": ("Anwendung neu erstellen", "Recréer l'application", "Ricrea l'applicazione"),
    "Drop and create the application (views, functions)": (
        "Die Anwendung löschen und neu erstellen (Views, Funktionen)",
        "Supprimer et recréer l'application (vues, fonctions)",
        "Elimina e ricrea l'applicazione (viste, funzioni)"),
    "Install demo data": ("Demodaten installieren", "Installer les données de démo", "Installa dati dimostrativi"),
    "Load the demo data set chosen in the options": (
        "Den in den Optionen gewählten Demodatensatz laden",
        "Charger le jeu de données de démo choisi dans les options",
        "Carica l'insieme di dati dimostrativi scelto nelle opzioni"),
    "Uninstall": ("Deinstallieren", "Désinstaller", "Disinstalla"),
    "Run the module's uninstall hooks": ("Die Deinstallations-Hooks des Moduls ausführen", "Exécuter les hooks de désinstallation du module", "Esegui gli hook di disinstallazione del modulo"),
    "Baseline": ("Baseline", "Baseline", "Baseline"),
    "Record the target version as installed, without running anything": (
        "Die Zielversion als installiert eintragen, ohne etwas auszuführen",
        "Enregistrer la version cible comme installée, sans rien exécuter",
        "Registra la versione di destinazione come installata, senza eseguire nulla"),
    "Cancel": ("Abbrechen", "Annuler", "Annulla"),
    "Stop the command: its transaction is rolled back": (
        "Den Befehl anhalten: seine Transaktion wird zurückgesetzt",
        "Arrêter la commande : sa transaction est annulée",
        "Interrompi il comando: la sua transazione viene annullata"),
    "Choose a connection and a module.": ("Wählen Sie eine Verbindung und ein Modul.", "Choisissez une connexion et un module.", "Scegli una connessione e un modulo."),
    "No saved PostgreSQL connection": ("Keine gespeicherte PostgreSQL-Verbindung", "Aucune connexion PostgreSQL enregistrée", "Nessuna connessione PostgreSQL salvata"),
    "Module folder (holding a .pum.yaml)": ("Ordner des Moduls (mit einer .pum.yaml)", "Dossier du module (contenant un .pum.yaml)", "Cartella del modulo (con un .pum.yaml)"),
    "Newest": ("Neueste", "La plus récente", "La più recente"),
    "None": ("Keine", "Aucun", "Nessuno"),
    "Choose a connection.": ("Wählen Sie eine Verbindung.", "Choisissez une connexion.", "Scegli una connessione."),
    "Choose the module's folder.": ("Wählen Sie den Ordner des Moduls.", "Choisissez le dossier du module.", "Scegli la cartella del modulo."),
    "Reading the database…": ("Datenbank wird gelesen…", "Lecture de la base de données…", "Lettura del database…"),
    "Choose a demo data set in the options.": ("Wählen Sie in den Optionen einen Demodatensatz.", "Choisissez un jeu de données de démo dans les options.", "Scegli un insieme di dati dimostrativi nelle opzioni."),
    "Choose the version to record as baseline in Target version.": (
        "Wählen Sie unter «Zielversion» die Version, die als Baseline eingetragen wird.",
        "Choisissez dans « Version cible » la version à enregistrer comme baseline.",
        "Scegli in «Versione di destinazione» la versione da registrare come baseline."),
    "%1: %2": ("%1: %2", "%1 : %2", "%1: %2"),
    "%1 on %2": ("%1 auf %2", "%1 sur %2", "%1 su %2"),
    "%1 of %2 steps": ("%1 von %2 Schritten", "%1 étapes sur %2", "%1 di %2 passi"),
    "Cancelling…": ("Wird abgebrochen…", "Annulation…", "Annullamento…"),
    "%1 failed": ("%1 fehlgeschlagen", "Échec : %1", "%1 non riuscito"),
    "service %1": ("Dienst %1", "service %1", "servizio %1"),
    "Uninstall %1 from database %2 (connection %3)?\n\nThe module's uninstall hooks drop its schemas and data.": (
        "%1 aus der Datenbank %2 (Verbindung %3) deinstallieren?\n\nDie Deinstallations-Hooks des Moduls löschen seine Schemas und Daten.",
        "Désinstaller %1 de la base de données %2 (connexion %3) ?\n\nLes hooks de désinstallation du module suppriment ses schémas et ses données.",
        "Disinstallare %1 dal database %2 (connessione %3)?\n\nGli hook di disinstallazione del modulo eliminano i suoi schemi e i suoi dati."),
    "Record %1 %2 as installed in database %3 (connection %4), without running anything?": (
        "%1 %2 in der Datenbank %3 (Verbindung %4) als installiert eintragen, ohne etwas auszuführen?",
        "Enregistrer %1 %2 comme installé dans la base de données %3 (connexion %4), sans rien exécuter ?",
        "Registrare %1 %2 come installato nel database %3 (connessione %4), senza eseguire nulla?"),
    "Python hooks are not available: %1": ("Python-Hooks sind nicht verfügbar: %1", "Les hooks Python ne sont pas disponibles : %1", "Gli hook Python non sono disponibili: %1"),
    "Datamodel manager (pum)…": ("Datenmodell-Verwaltung (pum)…", "Gestionnaire de modèles de données (pum)…", "Gestione modelli di dati (pum)…"),
    "Install and upgrade PostgreSQL datamodels (pum modules)": (
        "PostgreSQL-Datenmodelle (pum-Module) installieren und aktualisieren",
        "Installer et mettre à jour des modèles de données PostgreSQL (modules pum)",
        "Installa e aggiorna modelli di dati PostgreSQL (moduli pum)"),
    "&Datamodel manager (pum)": ("&Datenmodell-Verwaltung (pum)", "&Gestionnaire de modèles de données (pum)", "&Gestione modelli di dati (pum)"),
    "No CRS (use the default)": ("Kein KBS (Standard verwenden)", "Aucun SCR (utiliser la valeur par défaut)", "Nessun SR (usa il valore predefinito)"),
    "Nothing was changed: the transaction was rolled back.": (
        "Es wurde nichts geändert: die Transaktion wurde zurückgesetzt.",
        "Rien n'a été modifié : la transaction a été annulée.",
        "Nulla è stato modificato: la transazione è stata annullata."),
    "Reading the status": ("Status wird gelesen", "Lecture de l'état", "Lettura dello stato"),
    "Cancelled. %1": ("Abgebrochen. %1", "Annulé. %1", "Annullato. %1"),
    "SQL error: %1": ("SQL-Fehler: %1", "Erreur SQL : %1", "Errore SQL: %1"),
    "SQL error in %1, line %2: %3": ("SQL-Fehler in %1, Zeile %2: %3", "Erreur SQL dans %1, ligne %2 : %3", "Errore SQL in %1, riga %2: %3"),
    "SQLSTATE %1": ("SQLSTATE %1", "SQLSTATE %1", "SQLSTATE %1"),
    "Detail: %1": ("Detail: %1", "Détail : %1", "Dettaglio: %1"),
    "Hint: %1": ("Hinweis: %1", "Conseil : %1", "Suggerimento: %1"),
    "Context: %1": ("Kontext: %1", "Contexte : %1", "Contesto: %1"),
    "Statement: %1": ("Anweisung: %1", "Instruction : %1", "Istruzione: %1"),
    "Invalid module: %1": ("Ungültiges Modul: %1", "Module invalide : %1", "Modulo non valido: %1"),
    "Choose the version to record as baseline.": ("Wählen Sie die Version, die als Baseline eingetragen wird.", "Choisissez la version à enregistrer comme baseline.", "Scegli la versione da registrare come baseline."),
    "%1 installed at version %2 in %3 s": ("%1 in Version %2 installiert (%3 s)", "%1 installé en version %2 en %3 s", "%1 installato alla versione %2 in %3 s"),
    "%1 is already up to date": ("%1 ist bereits aktuell", "%1 est déjà à jour", "%1 è già aggiornato"),
    "%1 upgraded from %2 to %3 in %4 s": ("%1 von %2 auf %3 aktualisiert (%4 s)", "%1 mis à jour de %2 à %3 en %4 s", "%1 aggiornato da %2 a %3 in %4 s"),
    "%1: application recreated in %2 s": ("%1: Anwendung neu erstellt in %2 s", "%1 : application recréée en %2 s", "%1: applicazione ricreata in %2 s"),
    "%1: demo data %2 loaded in %3 s": ("%1: Demodaten %2 geladen in %3 s", "%1 : données de démo %2 chargées en %3 s", "%1: dati dimostrativi %2 caricati in %3 s"),
    "%1 uninstalled in %2 s": ("%1 deinstalliert in %2 s", "%1 désinstallé en %2 s", "%1 disinstallato in %2 s"),
    "%1: baseline %2 recorded": ("%1: Baseline %2 eingetragen", "%1 : baseline %2 enregistrée", "%1: baseline %2 registrata"),
    "The log of the running command appears here.": ("Hier erscheint das Protokoll des laufenden Befehls.", "Le journal de la commande en cours s'affiche ici.", "Qui compare il registro del comando in esecuzione."),
    "Error: ": ("Fehler: ", "Erreur : ", "Errore: "),
    "Warning: ": ("Warnung: ", "Avertissement : ", "Avviso: "),
    "%1 and %2": ("%1 und %2", "%1 et %2", "%1 e %2"),
    "Cannot read the status": ("Status kann nicht gelesen werden", "Impossible de lire l'état", "Impossibile leggere lo stato"),
    "Another module is installed in this database": ("In dieser Datenbank ist ein anderes Modul installiert", "Un autre module est installé dans cette base de données", "In questo database è installato un altro modulo"),
    "A migration table exists in schema %1; %2 uses schema %3.": (
        "Im Schema %1 gibt es eine Migrationstabelle; %2 verwendet das Schema %3.",
        "Une table de migration existe dans le schéma %1 ; %2 utilise le schéma %3.",
        "Esiste una tabella di migrazione nello schema %1; %2 usa lo schema %3."),
    "%1 is not installed": ("%1 ist nicht installiert", "%1 n'est pas installé", "%1 non è installato"),
    "Install runs versions %1.": ("Die Installation führt die Versionen %1 aus.", "L'installation exécute les versions %1.", "L'installazione esegue le versioni %1."),
    "Another module is installed: %1": ("Ein anderes Modul ist installiert: %1", "Un autre module est installé : %1", "È installato un altro modulo: %1"),
    "The migration table %1 belongs to %2, not to %3.": ("Die Migrationstabelle %1 gehört zu %2, nicht zu %3.", "La table de migration %1 appartient à %2, pas à %3.", "La tabella di migrazione %1 appartiene a %2, non a %3."),
    "Cannot read the installed version": ("Installierte Version kann nicht gelesen werden", "Impossible de lire la version installée", "Impossibile leggere la versione installata"),
    "The migration table records version '%1', which is not a version.": (
        "Die Migrationstabelle enthält die Version «%1», die keine Version ist.",
        "La table de migration contient la version « %1 », qui n'est pas une version.",
        "La tabella di migrazione registra la versione «%1», che non è una versione."),
    "The migration table %1 has no rows.": ("Die Migrationstabelle %1 ist leer.", "La table de migration %1 est vide.", "La tabella di migrazione %1 è vuota."),
    "%1 %2 is a beta-testing install": ("%1 %2 ist eine Betatest-Installation", "%1 %2 est une installation de bêta-test", "%1 %2 è un'installazione di beta test"),
    "A beta-testing install cannot be upgraded: install the release into a new database.": (
        "Eine Betatest-Installation kann nicht aktualisiert werden: installieren Sie die Release-Version in eine neue Datenbank.",
        "Une installation de bêta-test ne peut pas être mise à jour : installez la version publiée dans une nouvelle base de données.",
        "Un'installazione di beta test non può essere aggiornata: installa la versione definitiva in un nuovo database."),
    "The database is newer than the module": ("Die Datenbank ist neuer als das Modul", "La base de données est plus récente que le module", "Il database è più recente del modulo"),
    "The database has %1 %2, the module's newest version is %3: use a newer module.": (
        "Die Datenbank hat %1 %2, die neueste Version des Moduls ist %3: verwenden Sie ein neueres Modul.",
        "La base de données contient %1 %2, la version la plus récente du module est %3 : utilisez un module plus récent.",
        "Il database contiene %1 %2, la versione più recente del modulo è %3: usa un modulo più recente."),
    "Upgrade available from %1 to %2": ("Aktualisierung von %1 auf %2 verfügbar", "Mise à jour disponible de %1 à %2", "Aggiornamento disponibile da %1 a %2"),
    "The upgrade runs versions %1.": ("Die Aktualisierung führt die Versionen %1 aus.", "La mise à jour exécute les versions %1.", "L'aggiornamento esegue le versioni %1."),
    "%1 %2 is up to date": ("%1 %2 ist aktuell", "%1 %2 est à jour", "%1 %2 è aggiornato"),
    "(not set)": ("(nicht gesetzt)", "(non défini)", "(non impostato)"),
    "NULL": ("NULL", "NULL", "NULL"),
    "Choose a file": ("Datei wählen", "Choisir un fichier", "Scegli un file"),
    "boolean": ("Boolesch", "booléen", "booleano"),
    "integer": ("Ganzzahl", "entier", "intero"),
    "decimal": ("Dezimalzahl", "décimal", "decimale"),
    "path": ("Pfad", "chemin", "percorso"),
    "text": ("Text", "texte", "testo"),
    "This module has no parameters.": ("Dieses Modul hat keine Parameter.", "Ce module n'a pas de paramètres.", "Questo modulo non ha parametri."),
    "whole number": ("ganze Zahl", "nombre entier", "numero intero"),
    "decimal number, e.g. 1.50": ("Dezimalzahl, z. B. 1.50", "nombre décimal, p. ex. 1.50", "numero decimale, p. es. 1.50"),
    "%1 (%2)": ("%1 (%2)", "%1 (%2)", "%1 (%2)"),
    "%1 (%2): %3": ("%1 (%2): %3", "%1 (%2) : %3", "%1 (%2): %3"),
    "Type: %1, default: %2": ("Typ: %1, Standard: %2", "Type : %1, par défaut : %2", "Tipo: %1, predefinito: %2"),
    "Type: %1, no default": ("Typ: %1, kein Standardwert", "Type : %1, pas de valeur par défaut", "Tipo: %1, nessun valore predefinito"),
    "this module has Python hooks (.py), but this pum was built without Python hooks (%1 is missing)": (
        "dieses Modul hat Python-Hooks (.py), aber dieses pum wurde ohne Python-Hooks gebaut (%1 fehlt)",
        "ce module a des hooks Python (.py), mais ce pum a été compilé sans hooks Python (%1 manque)",
        "questo modulo ha hook Python (.py), ma questo pum è stato compilato senza hook Python (manca %1)"),
    "cannot load the Python hook runner: %1": (
        "Der Python-Hook-Runner kann nicht geladen werden: %1",
        "impossible de charger l'exécuteur des hooks Python : %1",
        "impossibile caricare l'esecutore degli hook Python: %1"),
    "%1 has no pum_python_register": ("%1 enthält kein pum_python_register", "%1 ne contient pas pum_python_register", "%1 non contiene pum_python_register"),
}

LANGS = {"de": 0, "fr": 1, "it": 2}


def merge_feature_tables(here: Path) -> None:
    """Adds the tables of i18n/strings_<feature>.py (one per plugin feature) to T.

    A source translated differently in two tables is an error: one English
    string has one translation per language in the .ts files."""
    for path in sorted(here.glob("strings_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for source, translations in module.T.items():
            if len(translations) != len(LANGS):
                raise SystemExit(f"{path.name}: {source!r}: {len(translations)} translations, expected {len(LANGS)}")
            if source in T and T[source] != translations:
                raise SystemExit(f"{path.name}: {source!r} is translated differently elsewhere: {T[source]!r}")
            T[source] = translations


def fill(path: Path, index: int) -> list:
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if source in T:
            translation.text = T[source][index]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def check(path: Path) -> list:
    """Messages of a .ts file left without a finished translation."""
    missing = []
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if not (translation.text or "").strip() or translation.get("type") == "unfinished":
            missing.append(message.find("source").text or "")
    return missing


def main() -> int:
    here = Path(__file__).resolve().parent
    merge_feature_tables(here)
    status = 0
    if sys.argv[1:] == ["--check"]:
        # Every string the plugin shows has a translation in every language.
        for lang in LANGS:
            for source in check(here / f"pum_{lang}.ts"):
                print(f"pum_{lang}.ts: untranslated: {source!r}", file=sys.stderr)
                status = 1
        return status
    for lang, index in LANGS.items():
        missing = fill(here / f"pum_{lang}.ts", index)
        for source in missing:
            print(f"pum_{lang}.ts: no translation for {source!r}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
