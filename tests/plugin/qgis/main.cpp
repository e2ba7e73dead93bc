// GoogleTest inside a real QgsApplication: offscreen, with a throwaway QGIS
// profile (settings, saved connections, auth database) that is removed at the end.
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "qgsapplication.h"

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The plugin's translations as built (the test binary is not next to them).
    qputenv("PUM_I18N_DIR", PUM_PLUGIN_I18N_DIR);
    ::testing::InitGoogleTest(&argc, argv);

    QTemporaryDir profile;
    // Nothing from the user's own QGIS settings may leak in, nor be written there.
    qputenv("HOME", profile.path().toLocal8Bit());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, profile.path());
    QgsApplication app(argc, argv, true, profile.path());
    QgsApplication::setPrefixPath(QStringLiteral(PUM_QGIS_PREFIX), true);
    QgsApplication::initQgis();

    const int rc = RUN_ALL_TESTS();
    QgsApplication::exitQgis();
    return rc;
}
