// The built plugin module as QGIS sees it (its exported metadata, generated
// from metadata.txt) and the translations it loads.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTranslator>

#include <dlfcn.h>

#include "qgisplugin.h"

#include "pum_plugin.h"

namespace {
QString metadata(const QString& key)
{
    QFile file(QStringLiteral(PUM_METADATA_FILE));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QString();
    const QRegularExpression line(QStringLiteral("^%1\\s*=\\s*(.*)$").arg(key));
    for (const QByteArray& raw : file.readAll().split('\n')) {
        const auto match = line.match(QString::fromUtf8(raw).trimmed());
        if (match.hasMatch())
            return match.captured(1).trimmed();
    }
    return QString();
}
}  // namespace

TEST(PluginModule, ExportsTheMetadataOfMetadataTxt)
{
    void* handle = dlopen(PUM_PLUGIN_FILE, RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(handle, nullptr) << dlerror();
    auto text = [&](const char* symbol) {
        auto fn = reinterpret_cast<name_t*>(dlsym(handle, symbol));
        return fn ? *fn() : QStringLiteral("<missing %1>").arg(QString::fromLatin1(symbol));
    };
    EXPECT_EQ(text("name"), metadata(QStringLiteral("name")));
    EXPECT_EQ(text("description"), metadata(QStringLiteral("description")));
    EXPECT_EQ(text("category"), QStringLiteral("Database"));
    EXPECT_EQ(text("category"), metadata(QStringLiteral("category")));
    EXPECT_EQ(text("version"), metadata(QStringLiteral("version")));
    EXPECT_EQ(text("icon"), QStringLiteral(":/pum/") + metadata(QStringLiteral("icon")));
    auto type = reinterpret_cast<type_t*>(dlsym(handle, "type"));
    ASSERT_NE(type, nullptr);
    EXPECT_EQ(type(), QgisPlugin::UI);
    EXPECT_NE(dlsym(handle, "classFactory"), nullptr);
    EXPECT_NE(dlsym(handle, "unload"), nullptr);
    // No other C symbol leaks out of the module.
    EXPECT_EQ(dlsym(handle, "_ZN7pumqgis9PumDialogC1EP7QWidget"), nullptr);
    EXPECT_EQ(metadata(QStringLiteral("qgisMinimumVersion")), QStringLiteral("3.22"));
    EXPECT_EQ(metadata(QStringLiteral("supportsQt6")), QStringLiteral("True"));
}

TEST(PluginModule, ClassFactoryCreatesAPluginWithoutAnInterface)
{
    void* handle = dlopen(PUM_PLUGIN_FILE, RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(handle, nullptr) << dlerror();
    auto factory = reinterpret_cast<create_t*>(dlsym(handle, "classFactory"));
    auto unload = reinterpret_cast<unload_t*>(dlsym(handle, "unload"));
    ASSERT_NE(factory, nullptr);
    QgisPlugin* plugin = factory(nullptr);
    ASSERT_NE(plugin, nullptr);
    EXPECT_EQ(plugin->name(), metadata(QStringLiteral("name")));
    plugin->initGui();
    plugin->unload();
    unload(plugin);
}

// Each language's .qm loads, translates a string the user sees on the
// dialog, and is what the plugin installs for QGIS's locale.
TEST(Translations, GermanFrenchAndItalianLoad)
{
    const struct {
        const char* language;
        const char* upgrade;
    } expected[] = {{"de", "Aktualisieren"}, {"fr", "Mettre à jour"}, {"it", "Aggiorna"}};
    for (const auto& e : expected) {
        SCOPED_TRACE(e.language);
        QTranslator translator;
        ASSERT_TRUE(translator.load(QStringLiteral("pum_") + QString::fromLatin1(e.language),
                                    QStringLiteral(PUM_PLUGIN_I18N_DIR)));
        EXPECT_EQ(translator.translate("pumqgis::PumDialog", "Upgrade"), QString::fromUtf8(e.upgrade));

        // The plugin picks the file for QGIS's locale, a regional one included.
        QTranslator* installed = pumqgis::installTranslator(QString::fromLatin1(e.language) + QStringLiteral("_CH"));
        ASSERT_NE(installed, nullptr);
        EXPECT_EQ(QCoreApplication::translate("pumqgis::PumDialog", "Upgrade"), QString::fromUtf8(e.upgrade));
    }
    pumqgis::installTranslator(QStringLiteral("en"));
    EXPECT_EQ(QCoreApplication::translate("pumqgis::PumDialog", "Upgrade"), QStringLiteral("Upgrade"));
}

TEST(Translations, EnglishIsTheSource)
{
    EXPECT_EQ(pumqgis::installTranslator(QStringLiteral("en_US")), nullptr);
}
