#include "project_opener.h"

#include <QDir>
#include <QDirIterator>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QPushButton>
#include <QTextStream>

#include <algorithm>

#include "qgsmessagebar.h"
#include "qgsmessagebaritem.h"
#include "qgsproject.h"
#include "qgssettings.h"
#include "qgsziputils.h"

namespace pumqgis {

namespace {

constexpr char kProjectFolderKey[] = "pum/projectFolder";

const QString postgresProvider = QStringLiteral("postgres");

// Options of a layer's data source that are not part of the connection.
const QStringList layerParameters = {QStringLiteral("checkPrimaryKeyUnicity")};

}  // namespace

QStringList ProjectOpener::findProjects(const QString& root)
{
    QStringList projects;
    QDirIterator it(root, {QStringLiteral("*.qgs"), QStringLiteral("*.qgz")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        projects << it.next();
    projects.sort();
    return projects;
}

QgsDataSourceUri ProjectOpener::connectionUri(const ConnectionEntry& entry)
{
    QgsDataSourceUri uri;
    if (entry.kind == ConnectionEntry::Kind::Service) {
        uri.setConnection(entry.name, QString(), QString(), QString());
        return uri;
    }
    const QgsDataSourceUri saved(entry.uri);
    if (!saved.service().isEmpty())
        uri.setConnection(saved.service(), saved.database(), saved.username(), QString(), saved.sslMode(),
                          saved.authConfigId());
    else
        uri.setConnection(saved.host(), saved.port(), saved.database(), saved.username(), QString(), saved.sslMode(),
                          saved.authConfigId());
    return uri;
}

QString ProjectOpener::pointAt(const QString& layerSource, const QgsDataSourceUri& connection)
{
    const QgsDataSourceUri layer(layerSource);
    // From the connection alone, so that nothing of the old server (its host,
    // service or password) survives.
    QgsDataSourceUri uri(connection.uri(false));
    uri.setPassword(QString());
    uri.setDataSource(layer.schema(), layer.table(), layer.geometryColumn(), layer.sql(), layer.keyColumn());
    uri.setSrid(layer.srid());
    uri.setWkbType(layer.wkbType());
    uri.setUseEstimatedMetadata(layer.useEstimatedMetadata());
    uri.disableSelectAtId(layer.selectAtIdDisabled());
    for (const QString& key : layerParameters)
        if (layer.hasParam(key))
            uri.setParam(key, layer.param(key));
    return uri.uri(false);
}

int ProjectOpener::rewriteDocument(QDomDocument& project, const QgsDataSourceUri& connection)
{
    QHash<QString, QString> sources;  // layer id -> new data source
    const QDomNodeList layers = project.elementsByTagName(QStringLiteral("maplayer"));
    for (int i = 0; i < layers.size(); ++i) {
        const QDomElement layer = layers.at(i).toElement();
        if (layer.firstChildElement(QStringLiteral("provider")).text() != postgresProvider)
            continue;
        QDomElement datasource = layer.firstChildElement(QStringLiteral("datasource"));
        if (datasource.isNull())  // an embedded layer: its source is in the other project
            continue;
        const QString source = pointAt(datasource.text(), connection);
        while (datasource.hasChildNodes())
            datasource.removeChild(datasource.firstChild());
        datasource.appendChild(project.createTextNode(source));
        sources.insert(layer.firstChildElement(QStringLiteral("id")).text(), source);
    }
    // The layer tree keeps a copy of each source (shown for layers that fail to load).
    const QDomNodeList treeLayers = project.elementsByTagName(QStringLiteral("layer-tree-layer"));
    for (int i = 0; i < treeLayers.size(); ++i) {
        QDomElement treeLayer = treeLayers.at(i).toElement();
        const auto it = sources.constFind(treeLayer.attribute(QStringLiteral("id")));
        if (it != sources.constEnd() && treeLayer.hasAttribute(QStringLiteral("source")))
            treeLayer.setAttribute(QStringLiteral("source"), *it);
    }
    return sources.size();
}

QString ProjectOpener::writeProject(const QString& project, const QgsDataSourceUri& connection,
                                    const QString& outputDir, QString* error, int* layersRewritten)
{
    if (!QDir().mkpath(outputDir)) {
        *error = tr("Cannot create the folder %1.").arg(outputDir);
        return QString();
    }
    const QFileInfo info(project);
    const QString target = QDir(outputDir).absoluteFilePath(info.fileName());
    if (QFileInfo(target) == info) {
        *error = tr("%1 would be written over itself: choose another folder.").arg(project);
        return QString();
    }
    int count = 0;
    const bool qgz = info.suffix().compare(QLatin1String("qgz"), Qt::CaseInsensitive) == 0;
    const bool ok = qgz ? rewriteQgz(project, target, connection, error, &count)
                        : rewriteQgs(project, target, connection, error, &count);
    if (!ok)
        return QString();
    if (layersRewritten)
        *layersRewritten = count;
    return target;
}

bool ProjectOpener::rewriteQgs(const QString& source, const QString& target, const QgsDataSourceUri& connection,
                               QString* error, int* layersRewritten)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the project %1: %2.").arg(source, in.errorString());
        return false;
    }
    QDomDocument document;
    QString message;
    int line = 0;
    int column = 0;
    if (!document.setContent(&in, &message, &line, &column)) {
        *error = tr("The project %1 is not valid XML (line %2, column %3): %4.").arg(source).arg(line).arg(column).arg(message);
        return false;
    }
    in.close();
    *layersRewritten = rewriteDocument(document, connection);
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("Cannot write the project %1: %2.").arg(target, out.errorString());
        return false;
    }
    QTextStream stream(&out);
    stream.setCodec("UTF-8");
    document.save(stream, 2, QDomNode::EncodingFromTextStream);
    stream.flush();
    if (out.error() != QFileDevice::NoError) {
        *error = tr("Cannot write the project %1: %2.").arg(target, out.errorString());
        return false;
    }
    return true;
}

bool ProjectOpener::rewriteQgz(const QString& source, const QString& target, const QgsDataSourceUri& connection,
                               QString* error, int* layersRewritten)
{
    QTemporaryDir unpacked;
    QStringList files;
    if (!unpacked.isValid() || !QgsZipUtils::unzip(source, unpacked.path(), files)) {
        *error = tr("Cannot unpack the project %1.").arg(source);
        return false;
    }
    files.erase(std::remove_if(files.begin(), files.end(), [](const QString& f) { return f.endsWith(QLatin1Char('/')); }),
                files.end());  // folder entries: the archive is packed flat again
    QStringList qgs;
    for (const QString& f : files)
        if (f.endsWith(QLatin1String(".qgs"), Qt::CaseInsensitive))
            qgs << f;
    if (qgs.size() != 1) {
        *error = tr("The project %1 holds %2 .qgs files, one is expected.").arg(source).arg(qgs.size());
        return false;
    }
    // Rewritten in place: the archive is packed again with the same files (the auxiliary storage .qgd too).
    if (!rewriteQgs(qgs.first(), qgs.first() + QStringLiteral(".new"), connection, error, layersRewritten))
        return false;
    QFile::remove(qgs.first());
    if (!QFile::rename(qgs.first() + QStringLiteral(".new"), qgs.first())) {
        *error = tr("Cannot write the project %1.").arg(qgs.first());
        return false;
    }
    QFile::remove(target);
    if (!QgsZipUtils::zip(target, files)) {
        *error = tr("Cannot write the project %1.").arg(target);
        return false;
    }
    return true;
}

QStringList ProjectOpener::projectsOf(const QString& moduleDir, const QString& archiveRoot)
{
    return findProjects(archiveRoot.isEmpty() ? moduleDir : archiveRoot);
}

void ProjectOpener::offer(QgsMessageBar* bar, QWidget* parent, const QStringList& projects, const ConnectionEntry& entry)
{
    if (projects.isEmpty())
        return;
    auto* button = new QPushButton(tr("Open the QGIS project…"));
    button->setObjectName(QStringLiteral("openModuleProject"));
    auto* item = new QgsMessageBarItem(tr("QGIS project"),
                                       projects.size() == 1
                                           ? tr("The module ships a QGIS project: open it with its layers on %1.").arg(entry.label())
                                           : tr("The module ships %1 QGIS projects: open one with its layers on %2.")
                                                 .arg(projects.size())
                                                 .arg(entry.label()),
                                       button, Qgis::MessageLevel::Info, 0);
    QObject::connect(button, &QPushButton::clicked, button, [bar, parent, projects, entry] {
        chooseAndOpen(bar, parent, projects, entry);
    });
    bar->pushItem(item);
}

void ProjectOpener::chooseAndOpen(QgsMessageBar* bar, QWidget* parent, const QStringList& projects,
                                  const ConnectionEntry& entry)
{
    QString project = projects.first();
    if (projects.size() > 1) {
        bool ok = false;
        project = QInputDialog::getItem(parent, tr("QGIS project"), tr("Project to open:"), projects, 0, false, &ok);
        if (!ok)
            return;
    }
    // Qt's own dialog (not the desktop's), with a name: scripts and tests can fill it in.
    QFileDialog chooser(parent, tr("Folder to write the QGIS project to"),
                        QgsSettings().value(QLatin1String(kProjectFolderKey), QDir::homePath()).toString());
    chooser.setObjectName(QStringLiteral("projectFolderDialog"));
    chooser.setFileMode(QFileDialog::Directory);
    chooser.setOptions(QFileDialog::ShowDirsOnly | QFileDialog::DontUseNativeDialog);
    if (chooser.exec() != QDialog::Accepted || chooser.selectedFiles().isEmpty())
        return;
    const QString folder = chooser.selectedFiles().first();
    QgsSettings().setValue(QLatin1String(kProjectFolderKey), folder);
    openInQgis(bar, project, entry, folder);
}

QString ProjectOpener::openInQgis(QgsMessageBar* bar, const QString& project, const ConnectionEntry& entry,
                                  const QString& outputDir)
{
    QString error;
    int layers = 0;
    const QString written = writeProject(project, connectionUri(entry), outputDir, &error, &layers);
    if (written.isEmpty()) {
        bar->pushMessage(tr("QGIS project"), error, Qgis::MessageLevel::Critical, 0);
        return QString();
    }
    if (!QgsProject::instance()->read(written)) {
        bar->pushMessage(tr("QGIS project"),
                         tr("%1 could not be opened: %2").arg(written, QgsProject::instance()->error()),
                         Qgis::MessageLevel::Critical, 0);
        return QString();
    }
    bar->pushMessage(tr("QGIS project"),
                     tr("Opened %1, its PostgreSQL layers pointed at %2: %3.").arg(written, entry.label()).arg(layers),
                     Qgis::MessageLevel::Success, 0);
    return written;
}

}  // namespace pumqgis
