#pragma once
// The QGIS projects a module ships (.qgs/.qgz), written again with their
// PostgreSQL layers pointed at the database the module was just installed in.
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "qgsdatasourceuri.h"

#include "connection_list.h"

class QDomDocument;
class QWidget;
class QgsMessageBar;

namespace pumqgis {

class ProjectOpener {
    Q_DECLARE_TR_FUNCTIONS(pumqgis::ProjectOpener)
public:
    // The .qgs and .qgz files anywhere under `root`, sorted.
    static QStringList findProjects(const QString& root);

    // The connection part of a layer's data source for `entry`: its service,
    // or host, port, database, user, SSL mode and auth configuration. Never
    // a password (a project is a file users pass around).
    static QgsDataSourceUri connectionUri(const ConnectionEntry& entry);

    // `layerSource` (a postgres provider data source) on `connection`, with
    // the layer's own schema, table, geometry column, key, filter, SRID,
    // geometry type and options kept.
    static QString pointAt(const QString& layerSource, const QgsDataSourceUri& connection);

    // Points every postgres layer of a project document at `connection`
    // (the layer and its entry in the layer tree); other layers are left as
    // they are. Returns how many layers changed.
    static int rewriteDocument(QDomDocument& project, const QgsDataSourceUri& connection);

    // Writes `project` (.qgs, or .qgz: unpacked, its .qgs rewritten, packed
    // again) into `outputDir` under its own file name, replacing a file of
    // that name. Returns the written file, or an empty string and `error`.
    static QString writeProject(const QString& project, const QgsDataSourceUri& connection,
                                const QString& outputDir, QString* error, int* layersRewritten = nullptr);

    // Where a module's projects are looked for: the whole archive it came
    // from (`archiveRoot`, when not empty), else the module folder.
    static QStringList projectsOf(const QString& moduleDir, const QString& archiveRoot);

    // After a successful install or upgrade on `entry`: when there are
    // `projects`, a message in `bar` with an "Open the QGIS project…" button
    // (object name "openModuleProject") that asks for a folder (and which
    // project, when several), writes the project there and opens it in QGIS.
    static void offer(QgsMessageBar* bar, QWidget* parent, const QStringList& projects, const ConnectionEntry& entry);
    // What the button does once the folder is chosen: writes and opens
    // `project` (QgsProject::instance()), reporting in `bar`. Returns the
    // project file opened, or an empty string.
    static QString openInQgis(QgsMessageBar* bar, const QString& project, const ConnectionEntry& entry,
                              const QString& outputDir);

private:
    static void chooseAndOpen(QgsMessageBar* bar, QWidget* parent, const QStringList& projects,
                              const ConnectionEntry& entry);
    static bool rewriteQgs(const QString& source, const QString& target, const QgsDataSourceUri& connection,
                           QString* error, int* layersRewritten);
    static bool rewriteQgz(const QString& source, const QString& target, const QgsDataSourceUri& connection,
                           QString* error, int* layersRewritten);
};

}  // namespace pumqgis
