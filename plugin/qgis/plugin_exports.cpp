// The C entry points QGIS's plugin registry looks up in a C++ plugin
// (see qgisplugin.h); the values come from metadata.txt through plugin_metadata.h.
#include <QString>

#include "qgisplugin.h"

#include "plugin_metadata.h"
#include "pum_plugin.h"

#define PUM_EXPORT extern "C" __attribute__((visibility("default")))

namespace {
const QString sName = QString::fromUtf8(PUM_PLUGIN_NAME);
const QString sDescription = QString::fromUtf8(PUM_PLUGIN_DESCRIPTION);
const QString sCategory = QString::fromUtf8(PUM_PLUGIN_CATEGORY);
const QString sVersion = QString::fromUtf8(PUM_PLUGIN_VERSION);
const QString sIcon = QStringLiteral(":/pum/") + QString::fromUtf8(PUM_PLUGIN_ICON_FILE);
const QString sExperimental = QString::fromUtf8(PUM_PLUGIN_EXPERIMENTAL);
}  // namespace

PUM_EXPORT QgisPlugin* classFactory(QgisInterface* iface)
{
    return new pumqgis::PumPlugin(iface);
}
PUM_EXPORT const QString* name()
{
    return &sName;
}
PUM_EXPORT const QString* description()
{
    return &sDescription;
}
PUM_EXPORT const QString* category()
{
    return &sCategory;
}
PUM_EXPORT int type()
{
    return QgisPlugin::UI;
}
PUM_EXPORT const QString* version()
{
    return &sVersion;
}
PUM_EXPORT const QString* icon()
{
    return &sIcon;
}
PUM_EXPORT const QString* experimental()
{
    return &sExperimental;
}
PUM_EXPORT void unload(QgisPlugin* plugin)
{
    delete plugin;
}
