"""Translations of the release-archive and module-project strings
(plugin/qgis/module_archive.cpp, plugin/qgis/project_opener.cpp and the main
dialog's module field), merged into i18n/translations.py by the lead.
source: (German, French, Italian)."""

T = {
    # module_archive.cpp
    "a NUL character in the name": (
        "ein NUL-Zeichen im Namen",
        "un caractère NUL dans le nom",
        "un carattere NUL nel nome"),
    "an absolute path": ("einen absoluten Pfad", "un chemin absolu", "un percorso assoluto"),
    "a drive letter": ("einen Laufwerksbuchstaben", "une lettre de lecteur", "una lettera di unità"),
    "a \"..\" component, outside of the folder it is unpacked to": (
        "eine Komponente \"..\", ausserhalb des Ordners, in den es entpackt wird",
        "un élément « .. », hors du dossier où elle est décompressée",
        "un componente \"..\", fuori dalla cartella in cui viene estratto"),
    "Cannot read %1: %2.": ("%1 kann nicht gelesen werden: %2.", "Impossible de lire %1 : %2.", "Impossibile leggere %1: %2."),
    "%1 is not a zip archive (no zip directory at its end).": (
        "%1 ist kein ZIP-Archiv (kein ZIP-Verzeichnis an seinem Ende).",
        "%1 n'est pas une archive zip (pas de répertoire zip à sa fin).",
        "%1 non è un archivio zip (nessuna directory zip alla fine)."),
    "%1 holds %2 files, more than the %3 a module archive may hold.": (
        "%1 enthält %2 Dateien, mehr als die %3, die ein Modularchiv enthalten darf.",
        "%1 contient %2 fichiers, plus que les %3 qu'une archive de module peut contenir.",
        "%1 contiene %2 file, più dei %3 che un archivio di modulo può contenere."),
    "%1 is not a zip archive (its directory is damaged at entry %2).": (
        "%1 ist kein ZIP-Archiv (sein Verzeichnis ist bei Eintrag %2 beschädigt).",
        "%1 n'est pas une archive zip (son répertoire est endommagé à l'entrée %2).",
        "%1 non è un archivio zip (la sua directory è danneggiata alla voce %2)."),
    "The module archive %1 does not exist.": (
        "Das Modularchiv %1 existiert nicht.",
        "L'archive de module %1 n'existe pas.",
        "L'archivio del modulo %1 non esiste."),
    "%1 is refused: its entry \"%2\" has %3.": (
        "%1 wird abgelehnt: sein Eintrag \"%2\" hat %3.",
        "%1 est refusée : son entrée « %2 » contient %3.",
        "%1 è rifiutato: la sua voce \"%2\" contiene %3."),
    "%1 is refused: unpacked it would take more than %2 MiB.": (
        "%1 wird abgelehnt: entpackt würde es mehr als %2 MiB belegen.",
        "%1 est refusée : décompressée, elle occuperait plus de %2 Mio.",
        "%1 è rifiutato: estratto occuperebbe più di %2 MiB."),
    "%1 holds no .pum.yaml: it is not a pum module archive.": (
        "%1 enthält keine .pum.yaml: es ist kein pum-Modularchiv.",
        "%1 ne contient aucun .pum.yaml : ce n'est pas une archive de module pum.",
        "%1 non contiene alcun .pum.yaml: non è un archivio di modulo pum."),
    "%1 holds several modules, one .pum.yaml is expected: %2.": (
        "%1 enthält mehrere Module, erwartet wird eine .pum.yaml: %2.",
        "%1 contient plusieurs modules, un seul .pum.yaml est attendu : %2.",
        "%1 contiene più moduli, è previsto un solo .pum.yaml: %2."),
    "Cannot create the cache folder %1.": (
        "Der Cache-Ordner %1 kann nicht erstellt werden.",
        "Impossible de créer le dossier de cache %1.",
        "Impossibile creare la cartella della cache %1."),
    "Cannot unpack %1 into %2.": (
        "%1 kann nicht nach %2 entpackt werden.",
        "Impossible de décompresser %1 dans %2.",
        "Impossibile estrarre %1 in %2."),
    "Cannot move the unpacked archive to %1.": (
        "Das entpackte Archiv kann nicht nach %1 verschoben werden.",
        "Impossible de déplacer l'archive décompressée vers %1.",
        "Impossibile spostare l'archivio estratto in %1."),
    "The module in %1 (%2) cannot be read: %3": (
        "Das Modul in %1 (%2) kann nicht gelesen werden: %3",
        "Le module de %1 (%2) ne peut pas être lu : %3",
        "Il modulo in %1 (%2) non può essere letto: %3"),

    # project_opener.cpp
    "Cannot create the folder %1.": (
        "Der Ordner %1 kann nicht erstellt werden.",
        "Impossible de créer le dossier %1.",
        "Impossibile creare la cartella %1."),
    "%1 would be written over itself: choose another folder.": (
        "%1 würde sich selbst überschreiben: wählen Sie einen anderen Ordner.",
        "%1 serait écrit sur lui-même : choisissez un autre dossier.",
        "%1 verrebbe sovrascritto su se stesso: scegli un'altra cartella."),
    "Cannot read the project %1: %2.": (
        "Das Projekt %1 kann nicht gelesen werden: %2.",
        "Impossible de lire le projet %1 : %2.",
        "Impossibile leggere il progetto %1: %2."),
    "The project %1 is not valid XML (line %2, column %3): %4.": (
        "Das Projekt %1 ist kein gültiges XML (Zeile %2, Spalte %3): %4.",
        "Le projet %1 n'est pas un XML valide (ligne %2, colonne %3) : %4.",
        "Il progetto %1 non è XML valido (riga %2, colonna %3): %4."),
    "Cannot write the project %1: %2.": (
        "Das Projekt %1 kann nicht geschrieben werden: %2.",
        "Impossible d'écrire le projet %1 : %2.",
        "Impossibile scrivere il progetto %1: %2."),
    "Cannot unpack the project %1.": (
        "Das Projekt %1 kann nicht entpackt werden.",
        "Impossible de décompresser le projet %1.",
        "Impossibile estrarre il progetto %1."),
    "The project %1 holds %2 .qgs files, one is expected.": (
        "Das Projekt %1 enthält %2 .qgs-Dateien, erwartet wird eine.",
        "Le projet %1 contient %2 fichiers .qgs, un seul est attendu.",
        "Il progetto %1 contiene %2 file .qgs, ne è previsto uno solo."),
    "Cannot write the project %1.": (
        "Das Projekt %1 kann nicht geschrieben werden.",
        "Impossible d'écrire le projet %1.",
        "Impossibile scrivere il progetto %1."),
    "Open the QGIS project…": ("QGIS-Projekt öffnen…", "Ouvrir le projet QGIS…", "Apri il progetto QGIS…"),
    "QGIS project": ("QGIS-Projekt", "Projet QGIS", "Progetto QGIS"),
    "The module ships a QGIS project: open it with its layers on %1.": (
        "Das Modul enthält ein QGIS-Projekt: öffnen Sie es mit seinen Layern auf %1.",
        "Le module fournit un projet QGIS : ouvrez-le avec ses couches sur %1.",
        "Il modulo include un progetto QGIS: aprilo con i suoi layer su %1."),
    "The module ships %1 QGIS projects: open one with its layers on %2.": (
        "Das Modul enthält %1 QGIS-Projekte: öffnen Sie eines mit seinen Layern auf %2.",
        "Le module fournit %1 projets QGIS : ouvrez-en un avec ses couches sur %2.",
        "Il modulo include %1 progetti QGIS: aprine uno con i suoi layer su %2."),
    "Project to open:": ("Zu öffnendes Projekt:", "Projet à ouvrir :", "Progetto da aprire:"),
    "Folder to write the QGIS project to": (
        "Ordner, in den das QGIS-Projekt geschrieben wird",
        "Dossier où écrire le projet QGIS",
        "Cartella in cui scrivere il progetto QGIS"),
    "%1 could not be opened: %2": (
        "%1 konnte nicht geöffnet werden: %2",
        "%1 n'a pas pu être ouvert : %2",
        "Impossibile aprire %1: %2"),
    "Opened %1, its PostgreSQL layers pointed at %2: %3.": (
        "%1 geöffnet, seine PostgreSQL-Layer zeigen auf %2: %3.",
        "%1 ouvert, ses couches PostgreSQL pointent vers %2 : %3.",
        "%1 aperto, i suoi layer PostgreSQL puntano a %2: %3."),

    # pum_dialog.cpp (module field)
    "Folder…": ("Ordner…", "Dossier…", "Cartella…"),
    "Release archive (.zip)…": ("Release-Archiv (.zip)…", "Archive de version (.zip)…", "Archivio di rilascio (.zip)…"),
    "Module release archive (a .zip holding a .pum.yaml)": (
        "Release-Archiv des Moduls (eine .zip mit einer .pum.yaml)",
        "Archive de version du module (un .zip contenant un .pum.yaml)",
        "Archivio di rilascio del modulo (uno .zip che contiene un .pum.yaml)"),
    "Module release archives (*.zip)": (
        "Release-Archive von Modulen (*.zip)",
        "Archives de version de modules (*.zip)",
        "Archivi di rilascio di moduli (*.zip)"),
    "Module archive %1: %2, newest version %3, in %4": (
        "Modularchiv %1: %2, neueste Version %3, in %4",
        "Archive de module %1 : %2, version la plus récente %3, dans %4",
        "Archivio del modulo %1: %2, versione più recente %3, in %4"),
    "none": ("keine", "aucune", "nessuna"),
}
