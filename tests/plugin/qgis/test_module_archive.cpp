// A module opened from a release .zip: unpacked to the cache, reused, and
// every archive that is refused, with its reason. The archives are written
// here at run time (stored entries, no binaries in the source tree). Then the
// dialog with a .zip in its module field, installing it and opening its project.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

#include "qgsdatasourceuri.h"
#include "qgsmaplayer.h"
#include "qgsproject.h"

#include "log_view.h"
#include "module_archive.h"
#include "qgis_test_support.h"

using pumqgis::ArchiveModule;
using pumqgis::ModuleArchive;
using pum::test::TempDatabase;
using pum::test::TempDir;

namespace {

struct Entry {
    QString name;
    QByteArray data;
    quint32 declaredSize = 0xFFFFFFFF;  // what the directory claims; default: the real size
};

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFF;
    for (const char c : data) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put(QByteArray& out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// A zip archive with `entries` stored uncompressed, as any zip tool reads it.
void writeZip(const QString& path, const QList<Entry>& entries)
{
    QByteArray body;
    QByteArray directory;
    for (const Entry& e : entries) {
        const QByteArray name = e.name.toUtf8();
        const quint32 crc = crc32(e.data);
        const auto size = static_cast<quint32>(e.data.size());
        const auto offset = static_cast<quint32>(body.size());
        put(body, 0x04034b50, 4);
        put(body, 20, 2);
        put(body, 0x0800, 2);  // UTF-8 names
        put(body, 0, 2);       // stored
        put(body, 0, 4);       // time, date
        put(body, crc, 4);
        put(body, size, 4);
        put(body, size, 4);
        put(body, static_cast<quint32>(name.size()), 2);
        put(body, 0, 2);
        body += name + e.data;

        put(directory, 0x02014b50, 4);
        put(directory, 20, 2);
        put(directory, 20, 2);
        put(directory, 0x0800, 2);
        put(directory, 0, 2);
        put(directory, 0, 4);
        put(directory, crc, 4);
        put(directory, size, 4);
        put(directory, e.declaredSize == 0xFFFFFFFF ? size : e.declaredSize, 4);
        put(directory, static_cast<quint32>(name.size()), 2);
        put(directory, 0, 2);
        put(directory, 0, 2);
        put(directory, 0, 2);
        put(directory, 0, 2);
        put(directory, 0, 4);
        put(directory, offset, 4);
        directory += name;
    }
    QByteArray end;
    put(end, 0x06054b50, 4);
    put(end, 0, 4);
    put(end, static_cast<quint32>(entries.size()), 2);
    put(end, static_cast<quint32>(entries.size()), 2);
    put(end, static_cast<quint32>(directory.size()), 4);
    put(end, static_cast<quint32>(body.size()), 4);
    put(end, 0, 2);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(body + directory + end) < 0)
        throw std::runtime_error("cannot write " + path.toStdString());
}

// Every file under `folder`, named "<top>/<path inside>", as GitHub packs a release.
QList<Entry> entriesOf(const QString& folder, const QString& top)
{
    QList<Entry> entries;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw std::runtime_error("cannot read " + path.toStdString());
        entries << Entry{top + QLatin1Char('/') + QDir(folder).relativeFilePath(path), file.readAll()};
    }
    return entries;
}

QString str(const TempDir& dir, const char* name)
{
    return QString::fromStdString((dir.path() / name).string());
}

QStringList foldersIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
}

const QByteArray moduleYaml = "pum:\n  module: pum_zipped\n";

}  // namespace

TEST(ModuleArchive, ReleaseZipIsUnpackedOnceAndItsModuleFound)
{
    TempDir dir;
    const QString zip = str(dir, "pum-project-1.1.0.zip");
    writeZip(zip, entriesOf(pumtest::dataModule("project_module"), QStringLiteral("pum-project-1.1.0")));
    const QString cache = str(dir, "cache");

    QString error;
    const auto module = ModuleArchive::open(zip, &error, cache);
    ASSERT_TRUE(module) << error.toStdString();
    EXPECT_EQ(module->moduleName, QStringLiteral("pum_project"));
    EXPECT_EQ(module->newestVersion, QStringLiteral("1.1.0"));
    EXPECT_FALSE(module->reused);
    EXPECT_TRUE(QFileInfo(module->moduleDir + QStringLiteral("/.pum.yaml")).isFile());
    EXPECT_EQ(QFileInfo(module->moduleDir).fileName(), QStringLiteral("datamodel"));
    EXPECT_EQ(QFileInfo(module->root).fileName(), QStringLiteral("pum-project-1.1.0"));
    EXPECT_TRUE(QFileInfo(module->root + QStringLiteral("/project/network.qgs")).isFile());
    EXPECT_TRUE(module->moduleDir.startsWith(cache + QStringLiteral("/pum-project-1.1.0-")));

    // Opened again unchanged: the same folder, not unpacked again.
    QFile::remove(module->root + QStringLiteral("/project/network.qgs"));
    const auto again = ModuleArchive::open(zip, &error, cache);
    ASSERT_TRUE(again) << error.toStdString();
    EXPECT_TRUE(again->reused);
    EXPECT_EQ(again->moduleDir, module->moduleDir);
    EXPECT_FALSE(QFileInfo::exists(again->root + QStringLiteral("/project/network.qgs")));

    // A new archive under the same name: a folder of its own.
    auto entries = entriesOf(pumtest::dataModule("project_module"), QStringLiteral("pum-project-1.1.0"));
    entries << Entry{QStringLiteral("pum-project-1.1.0/datamodel/changelogs/1.2.0/01.sql"), "SELECT 1;\n"};
    writeZip(zip, entries);
    const auto changed = ModuleArchive::open(zip, &error, cache);
    ASSERT_TRUE(changed) << error.toStdString();
    EXPECT_FALSE(changed->reused);
    EXPECT_NE(changed->moduleDir, module->moduleDir);
    EXPECT_EQ(changed->newestVersion, QStringLiteral("1.2.0"));
    // No half-unpacked folder left behind.
    EXPECT_EQ(foldersIn(cache).size(), 2) << foldersIn(cache).join(QLatin1Char(' ')).toStdString();
}

TEST(ModuleArchive, ModuleAtTheTopOfTheArchive)
{
    TempDir dir;
    const QString zip = str(dir, "flat.zip");
    writeZip(zip, {{QStringLiteral(".pum.yaml"), moduleYaml}, {QStringLiteral("changelogs/1.0.0/01.sql"), "SELECT 1;\n"}});
    QString error;
    const auto module = ModuleArchive::open(zip, &error, str(dir, "cache"));
    ASSERT_TRUE(module) << error.toStdString();
    EXPECT_EQ(module->moduleName, QStringLiteral("pum_zipped"));
    EXPECT_EQ(module->newestVersion, QStringLiteral("1.0.0"));
    EXPECT_EQ(module->moduleDir, module->root);
}

TEST(ModuleArchive, NotAZip)
{
    TempDir dir;
    dir.write("module.zip", "pum:\n  module: not_zipped\n");
    QString error;
    EXPECT_FALSE(ModuleArchive::open(str(dir, "module.zip"), &error, str(dir, "cache")));
    EXPECT_TRUE(error.contains(QStringLiteral("module.zip is not a zip archive"))) << error.toStdString();
    EXPECT_FALSE(ModuleArchive::open(str(dir, "missing.zip"), &error, str(dir, "cache")));
    EXPECT_TRUE(error.contains(QStringLiteral("missing.zip does not exist"))) << error.toStdString();
    EXPECT_FALSE(QFileInfo::exists(str(dir, "cache")));
}

TEST(ModuleArchive, NoModuleInside)
{
    TempDir dir;
    writeZip(str(dir, "docs.zip"), {{QStringLiteral("docs/README.md"), "# not a module\n"}});
    QString error;
    EXPECT_FALSE(ModuleArchive::open(str(dir, "docs.zip"), &error, str(dir, "cache")));
    EXPECT_TRUE(error.contains(QStringLiteral("docs.zip holds no .pum.yaml"))) << error.toStdString();
}

TEST(ModuleArchive, SeveralModulesNamed)
{
    TempDir dir;
    writeZip(str(dir, "two.zip"), {{QStringLiteral("top/b/.pum.yaml"), moduleYaml}, {QStringLiteral("top/a/.pum.yaml"), moduleYaml}});
    QString error;
    EXPECT_FALSE(ModuleArchive::open(str(dir, "two.zip"), &error, str(dir, "cache")));
    EXPECT_TRUE(error.contains(QStringLiteral("several modules"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("top/a/.pum.yaml, top/b/.pum.yaml"))) << error.toStdString();
}

TEST(ModuleArchive, UnsafePathsRefusedBeforeAnythingIsWritten)
{
    const QList<QPair<QString, QString>> cases = {
        {QStringLiteral("top/../../escaped.sql"), QStringLiteral("\"..\" component")},
        {QStringLiteral("top\\..\\..\\escaped.sql"), QStringLiteral("\"..\" component")},
        {QStringLiteral("/tmp/escaped.sql"), QStringLiteral("an absolute path")},
        {QStringLiteral("C:/escaped.sql"), QStringLiteral("a drive letter")},
    };
    for (const auto& [name, reason] : cases) {
        TempDir dir;
        const QString zip = str(dir, "evil.zip");
        writeZip(zip, {{QStringLiteral("top/.pum.yaml"), moduleYaml}, {name, "DROP DATABASE x;\n"}});
        QString error;
        EXPECT_FALSE(ModuleArchive::open(zip, &error, str(dir, "cache/inner")));
        EXPECT_TRUE(error.contains(QStringLiteral("\"%1\"").arg(name))) << error.toStdString();
        EXPECT_TRUE(error.contains(reason)) << error.toStdString();
        EXPECT_FALSE(QFileInfo::exists(str(dir, "cache"))) << name.toStdString();
    }
}

TEST(ModuleArchive, TooLargeUnpackedRefused)
{
    TempDir dir;
    // The directory claims 3 GiB for one entry: refused from the directory alone.
    writeZip(str(dir, "bomb.zip"), {{QStringLiteral("top/.pum.yaml"), moduleYaml},
                                    {QStringLiteral("top/big.sql"), "SELECT 1;\n", 0xC0000000u}});
    QString error;
    EXPECT_FALSE(ModuleArchive::open(str(dir, "bomb.zip"), &error, str(dir, "cache")));
    EXPECT_TRUE(error.contains(QStringLiteral("more than 1024 MiB"))) << error.toStdString();
}

TEST(ModuleArchive, BrokenModuleNamed)
{
    TempDir dir;
    writeZip(str(dir, "broken.zip"), {{QStringLiteral("top/datamodel/.pum.yaml"), "pum:\n  modul: typo\n"}});
    QString error;
    EXPECT_FALSE(ModuleArchive::open(str(dir, "broken.zip"), &error, str(dir, "cache")));
    EXPECT_TRUE(error.contains(QStringLiteral("(top/datamodel/.pum.yaml) cannot be read"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("modul"))) << error.toStdString();
}

TEST(ModuleArchive, ArchivePaths)
{
    EXPECT_TRUE(ModuleArchive::isArchivePath(QStringLiteral("/x/release-1.0.ZIP")));
    EXPECT_FALSE(ModuleArchive::isArchivePath(QStringLiteral("/x/datamodel")));
    EXPECT_TRUE(ModuleArchive::defaultCacheDir().endsWith(QStringLiteral("/pum/modules")));
}

namespace {

// Accepts the folder dialog of "Open the QGIS project…" with `folder`, once it is shown.
void acceptProjectFolderDialog(const QString& folder)
{
    QTimer::singleShot(100, [folder] {
        auto* chooser = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!chooser || chooser->objectName() != QLatin1String("projectFolderDialog")) {
            acceptProjectFolderDialog(folder);
            return;
        }
        // As a user does: goes to the folder and types its path.
        chooser->setDirectory(folder);
        if (auto* name = chooser->findChild<QLineEdit*>(QStringLiteral("fileNameEdit")))
            name->setText(folder);
        static_cast<QDialog*>(chooser)->accept();  // QFileDialog::accept, through the public slot
    });
}

}  // namespace

TEST(ArchiveDialog, ZipInTheModuleFieldInstallsAndOpensItsProject)
{
    TempDatabase db;
    const QString connection = QString::fromStdString("archive " + db.name());
    pumtest::saveConnection(connection, db, false);
    TempDir dir;
    const QString zip = str(dir, "pum-project-1.1.0.zip");
    writeZip(zip, entriesOf(pumtest::dataModule("project_module"), QStringLiteral("pum-project-1.1.0")));

    auto dialog = pumtest::openDialog(connection, zip);
    ASSERT_EQ(dialog->status().state(), pumqt::ModuleStatus::State::NotInstalled) << dialog->status().title().toStdString();
    EXPECT_EQ(dialog->statusLabel()->text(), QStringLiteral("pum_project is not installed"));
    EXPECT_EQ(QFileInfo(dialog->moduleDirectory()).fileName(), QStringLiteral("datamodel"));
    EXPECT_TRUE(dialog->logView()->toPlainText().contains(QStringLiteral("Module archive %1: pum_project, newest version 1.1.0").arg(zip)))
        << dialog->logView()->toPlainText().toStdString();
    EXPECT_EQ(pumqgis::PumDialog::recentModules().value(0), zip);  // the archive, not the cache folder
    EXPECT_FALSE(dialog->findChild<QPushButton*>(QStringLiteral("openModuleProject")));

    ASSERT_TRUE(pumtest::run(*dialog, pumqgis::Command::Install));
    ASSERT_EQ(dialog->status().state(), pumqt::ModuleStatus::State::UpToDate) << dialog->status().title().toStdString();
    auto* button = dialog->findChild<QPushButton*>(QStringLiteral("openModuleProject"));
    ASSERT_TRUE(button);
    const QString folder = str(dir, "opened");
    QDir().mkpath(folder);
    acceptProjectFolderDialog(folder);
    button->click();  // returns once the folder is chosen and the project opened
    EXPECT_EQ(QgsProject::instance()->fileName(), folder + QStringLiteral("/network.qgs"));
    const auto layers = QgsProject::instance()->mapLayers();
    EXPECT_EQ(layers.size(), 5);
    for (QgsMapLayer* layer : layers) {
        EXPECT_TRUE(layer->isValid()) << layer->name().toStdString();
        if (layer->providerType() == QLatin1String("postgres"))
            EXPECT_EQ(QgsDataSourceUri(layer->source()).database(), QString::fromStdString(db.name()));
    }
    QgsProject::instance()->clear();
}

TEST(ArchiveDialog, BadZipShownAsTheStatus)
{
    TempDatabase db;
    const QString connection = QString::fromStdString("archive " + db.name());
    pumtest::saveConnection(connection, db, false);
    TempDir dir;
    const QString zip = str(dir, "two.zip");
    writeZip(zip, {{QStringLiteral("top/b/.pum.yaml"), moduleYaml}, {QStringLiteral("top/a/.pum.yaml"), moduleYaml}});
    auto dialog = std::make_unique<pumqgis::PumDialog>();
    dialog->reloadConnections();
    ASSERT_TRUE(dialog->selectConnection(connection));
    dialog->setModuleDirectory(zip);
    pumtest::waitFor([&] { return !dialog->isBusy(); });
    EXPECT_EQ(dialog->status().state(), pumqt::ModuleStatus::State::Error);
    EXPECT_TRUE((dialog->status().title() + dialog->status().details()).contains(QStringLiteral("several modules")))
        << dialog->status().title().toStdString() << dialog->status().details().toStdString();
    EXPECT_FALSE(dialog->actionButton(pumqt::ModuleStatus::Install)->isEnabled());
}

TEST(ArchiveDialog, FolderModuleWithoutProjectOffersNone)
{
    TempDatabase db;
    const QString connection = QString::fromStdString("archive " + db.name());
    pumtest::saveConnection(connection, db, false);
    auto dialog = pumtest::openDialog(connection, pumtest::dataModule("project_module") + QStringLiteral("/datamodel"));
    ASSERT_TRUE(pumtest::run(*dialog, pumqgis::Command::Install));
    EXPECT_EQ(dialog->status().state(), pumqt::ModuleStatus::State::UpToDate);
    // The module folder holds no project (project/ is beside it): nothing offered.
    EXPECT_FALSE(dialog->findChild<QPushButton*>(QStringLiteral("openModuleProject")));
}
