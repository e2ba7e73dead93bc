// The module's QGIS project written again for the database it was installed
// in: loaded by QgsProject, every layer valid and reading the test database.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "qgsfeatureiterator.h"
#include "qgsproject.h"
#include "qgsvectorlayer.h"
#include "qgswkbtypes.h"
#include "qgsziputils.h"

#include "connection_list.h"
#include "project_opener.h"
#include "qgis_test_support.h"

#include "pum/db/database.h"
#include "pum/run/upgrader.h"

using pumqgis::ConnectionEntry;
using pumqgis::ProjectOpener;
using pum::test::TempDatabase;
using pum::test::TempDir;

namespace {

QString projectModule()
{
    return pumtest::dataModule("project_module");
}

QString shippedProject()
{
    return projectModule() + QStringLiteral("/project/network.qgs");
}

void install(const TempDatabase& db)
{
    auto connection = db.connect();
    pum::NullFeedback feedback;
    pum::Upgrader upgrader(pum::Config::load((projectModule() + QStringLiteral("/datamodel")).toStdString()), connection,
                           feedback);
    upgrader.install(pum::InstallOptions{});
}

// The saved QGIS connection to `db`, as the dialog's list has it.
ConnectionEntry entryFor(const TempDatabase& db, bool viaAuthConfig)
{
    const QString name = QString::fromStdString("project " + db.name() + (viaAuthConfig ? " auth" : ""));
    pumtest::saveConnection(name, db, viaAuthConfig);
    for (const ConnectionEntry& e : pumqgis::ConnectionList::load())
        if (e.name == name)
            return e;
    throw std::runtime_error("connection not listed: " + name.toStdString());
}

QString read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    return QString::fromUtf8(file.readAll());
}

long long countFeatures(QgsVectorLayer* layer)
{
    long long n = 0;
    QgsFeature feature;
    QgsFeatureIterator it = layer->getFeatures();
    while (it.nextFeature(feature))
        ++n;
    return n;
}

// Loads `project` and checks every layer against the installed module.
void expectLayersOn(const QString& project, const TempDatabase& db)
{
    QgsProject loaded;
    ASSERT_TRUE(loaded.read(project)) << loaded.error().toStdString();
    const auto layers = loaded.mapLayers();
    ASSERT_EQ(layers.size(), 5);
    QMap<QString, long long> features;
    for (QgsMapLayer* layer : layers) {
        EXPECT_TRUE(layer->isValid()) << layer->name().toStdString() << ": " << layer->source().toStdString();
        auto* vector = qobject_cast<QgsVectorLayer*>(layer);
        ASSERT_TRUE(vector) << layer->name().toStdString();
        features[layer->name()] = countFeatures(vector);
        if (layer->providerType() == QLatin1String("postgres"))
            EXPECT_EQ(QgsDataSourceUri(layer->source()).database(), QString::fromStdString(db.name()));
        else
            // As shipped (the memory provider adds a uid= of its own when it loads).
            EXPECT_TRUE(layer->source().startsWith(QStringLiteral("memory?geometry=Point&crs=EPSG:2056&field=note:string(255,0)")))
                << layer->source().toStdString();
    }
    EXPECT_EQ(features.value(QStringLiteral("Nodes")), 2);
    EXPECT_EQ(features.value(QStringLiteral("Pipes in use")), 1);  // the layer's filter kept
    EXPECT_EQ(features.value(QStringLiteral("Valves")), 2);        // no geometry
    EXPECT_EQ(features.value(QStringLiteral("Built pipes")), 1);   // a view, its key kept
    EXPECT_EQ(features.value(QStringLiteral("Sketch")), 0);        // memory layer, untouched
}

// Nothing of the server the project was made on is left.
void expectNoOldServer(const QString& text)
{
    for (const char* old : {"network_prod", "db.example.invalid", "prod_network", "old secret", "password="})
        EXPECT_FALSE(text.contains(QLatin1String(old))) << old;
}

}  // namespace

TEST(ProjectOpener, FindsTheModulesProjects)
{
    EXPECT_EQ(ProjectOpener::findProjects(projectModule()), QStringList{shippedProject()});
    EXPECT_TRUE(ProjectOpener::findProjects(pumtest::dataModule("current_module")).isEmpty());
}

TEST(ProjectOpener, QgsPointedAtTheDatabaseJustUsed)
{
    TempDatabase db;
    install(db);
    TempDir out;
    QString error;
    int layers = 0;
    const QString written = ProjectOpener::writeProject(shippedProject(), ProjectOpener::connectionUri(entryFor(db, false)),
                                                        QString::fromStdString(out.path().string()), &error, &layers);
    ASSERT_FALSE(written.isEmpty()) << error.toStdString();
    EXPECT_EQ(QFileInfo(written).fileName(), QStringLiteral("network.qgs"));
    EXPECT_EQ(layers, 4);
    const QString text = read(written);
    expectNoOldServer(text);
    EXPECT_TRUE(text.contains(QStringLiteral("sql=&quot;status&quot; &lt;> 'abandoned'"))) << "filter lost";
    EXPECT_TRUE(text.contains(QStringLiteral("checkPrimaryKeyUnicity='0'")));
    EXPECT_TRUE(text.contains(QStringLiteral("estimatedmetadata=true")));
    expectLayersOn(written, db);
    // The shipped project is left as it was.
    EXPECT_TRUE(read(shippedProject()).contains(QStringLiteral("db.example.invalid")));
}

TEST(ProjectOpener, QgzPointedAtTheDatabaseJustUsed)
{
    TempDatabase db;
    install(db);
    TempDir work;
    const QString folder = QString::fromStdString(work.path().string());
    QDir().mkpath(folder + QStringLiteral("/shipped"));
    ASSERT_TRUE(QFile::copy(shippedProject(), folder + QStringLiteral("/shipped/network.qgs")));
    ASSERT_TRUE(QgsZipUtils::zip(folder + QStringLiteral("/shipped/network.qgz"), {folder + QStringLiteral("/shipped/network.qgs")}));

    QString error;
    const QString written = ProjectOpener::writeProject(folder + QStringLiteral("/shipped/network.qgz"),
                                                        ProjectOpener::connectionUri(entryFor(db, false)),
                                                        folder + QStringLiteral("/opened"), &error);
    ASSERT_FALSE(written.isEmpty()) << error.toStdString();
    EXPECT_EQ(written, folder + QStringLiteral("/opened/network.qgz"));
    TempDir unpacked;
    QStringList files;
    ASSERT_TRUE(QgsZipUtils::unzip(written, QString::fromStdString(unpacked.path().string()), files));
    ASSERT_EQ(files.size(), 1);
    expectNoOldServer(read(files.first()));
    expectLayersOn(written, db);
}

TEST(ProjectOpener, AuthConfigKeptNoPasswordWritten)
{
    TempDatabase db;
    install(db);
    const ConnectionEntry entry = entryFor(db, true);
    const QString authcfg = QgsDataSourceUri(entry.uri).authConfigId();
    ASSERT_FALSE(authcfg.isEmpty());
    TempDir out;
    QString error;
    const QString written = ProjectOpener::writeProject(shippedProject(), ProjectOpener::connectionUri(entry),
                                                        QString::fromStdString(out.path().string()), &error);
    ASSERT_FALSE(written.isEmpty()) << error.toStdString();
    const QString text = read(written);
    expectNoOldServer(text);
    EXPECT_FALSE(text.contains(QString::fromStdString(pumtest::loginRole().password)));
    EXPECT_FALSE(text.contains(QString::fromStdString(pumtest::loginRole().name)));  // in the auth configuration only
    EXPECT_EQ(text.count(QStringLiteral("authcfg=") + authcfg), 8);  // 4 layers and their layer tree entries
    expectLayersOn(written, db);
}

TEST(ProjectOpener, ServiceConnectionAndSavedPasswordDropped)
{
    ConnectionEntry service;
    service.kind = ConnectionEntry::Kind::Service;
    service.name = QStringLiteral("network");
    const QgsDataSourceUri onService(ProjectOpener::pointAt(
        QStringLiteral("dbname='old' host=old.invalid port=5433 user='u' password='pw' key='id' srid=2056 type=Point "
                       "table=\"s\".\"t\" (geom) sql=\"a\" = 1"),
        ProjectOpener::connectionUri(service)));
    EXPECT_EQ(onService.service(), QStringLiteral("network"));
    EXPECT_TRUE(onService.host().isEmpty());
    EXPECT_TRUE(onService.password().isEmpty());
    EXPECT_TRUE(onService.database().isEmpty());
    EXPECT_EQ(onService.schema(), QStringLiteral("s"));
    EXPECT_EQ(onService.table(), QStringLiteral("t"));
    EXPECT_EQ(onService.geometryColumn(), QStringLiteral("geom"));
    EXPECT_EQ(onService.keyColumn(), QStringLiteral("id"));
    EXPECT_EQ(onService.sql(), QStringLiteral("\"a\" = 1"));
    EXPECT_EQ(onService.srid(), QStringLiteral("2056"));
    // By name: the enum is QgsWkbTypes::Type up to QGIS 3.28 and Qgis::WkbType from 3.30,
    // displayString takes either.
    EXPECT_EQ(QgsWkbTypes::displayString(onService.wkbType()), QStringLiteral("Point"));

    // A saved connection with its password: the project gets host, user, no password.
    ConnectionEntry saved;
    saved.uri = QStringLiteral("dbname='gis' host=db.local port=5432 user='editor' password='secret' sslmode=require");
    const QgsDataSourceUri onHost(ProjectOpener::pointAt(QStringLiteral("service='old' key='id' table=\"s\".\"t\""),
                                                         ProjectOpener::connectionUri(saved)));
    EXPECT_TRUE(onHost.service().isEmpty());
    EXPECT_EQ(onHost.host(), QStringLiteral("db.local"));
    EXPECT_EQ(onHost.database(), QStringLiteral("gis"));
    EXPECT_EQ(onHost.username(), QStringLiteral("editor"));
    EXPECT_EQ(onHost.sslMode(), QgsDataSourceUri::SslRequire);
    EXPECT_FALSE(onHost.uri(false).contains(QStringLiteral("secret")));
}

TEST(ProjectOpener, ErrorsNamed)
{
    TempDir dir;
    dir.write("broken.qgs", "<qgis><projectlayers>");
    QString error;
    const QgsDataSourceUri uri(QStringLiteral("service='x'"));
    EXPECT_TRUE(ProjectOpener::writeProject(QString::fromStdString((dir.path() / "broken.qgs").string()), uri,
                                            QString::fromStdString((dir.path() / "out").string()), &error)
                    .isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("broken.qgs is not valid XML (line"))) << error.toStdString();
    EXPECT_TRUE(ProjectOpener::writeProject(shippedProject(), uri, QFileInfo(shippedProject()).absolutePath(), &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("written over itself"))) << error.toStdString();
}
