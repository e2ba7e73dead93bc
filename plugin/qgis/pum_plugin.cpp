#include "pum_plugin.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QTranslator>

#include "qgisinterface.h"
#include "qgsapplication.h"
#include "qgsmessagebar.h"

#include "plugin_metadata.h"
#include "pum/platform/library.h"
#include "pum_dialog.h"


namespace pumqgis {

namespace {
QTranslator* gTranslator = nullptr;

const QString& pluginName()
{
    static const QString name = QString::fromUtf8(PUM_PLUGIN_NAME);
    return name;
}
}  // namespace

QStringList translationDirectories()
{
    QStringList dirs;
    // An explicit location first (relocated installs, tests).
    const QString custom = qEnvironmentVariable("PUM_I18N_DIR");
    if (!custom.isEmpty())
        dirs << custom;
    // The directory of this shared object: <build>/plugin holds i18n/ in the build tree.
    const std::string self = pum::platform::libraryContaining(reinterpret_cast<void*>(&translationDirectories));
    if (!self.empty())
        dirs << QFileInfo(QString::fromLocal8Bit(self.c_str())).absolutePath() + QStringLiteral("/i18n");
    dirs << QString::fromUtf8(PUM_PLUGIN_I18N_INSTALL_DIR);
    return dirs;
}

QTranslator* installTranslator(const QString& locale)
{
    if (gTranslator) {
        QCoreApplication::removeTranslator(gTranslator);
        delete gTranslator;
        gTranslator = nullptr;
    }
    auto translator = std::make_unique<QTranslator>();
    for (const QString& dir : translationDirectories()) {
        // "de_CH" falls back to "de".
        if (translator->load(QStringLiteral("pum_") + locale, dir)) {
            QCoreApplication::installTranslator(translator.get());
            gTranslator = translator.release();
            return gTranslator;
        }
    }
    return nullptr;
}

PumPlugin::PumPlugin(QgisInterface* iface)
    : QgisPlugin(pluginName(), QString::fromUtf8(PUM_PLUGIN_DESCRIPTION), QString::fromUtf8(PUM_PLUGIN_CATEGORY),
                 QString::fromUtf8(PUM_PLUGIN_VERSION), QgisPlugin::UI),
      iface_(iface)
{
}

PumPlugin::~PumPlugin() = default;

PumDialog* PumPlugin::dialog() const
{
    return dialog_;
}

void PumPlugin::initGui()
{
    installTranslator(QgsApplication::locale());
    action_ = new QAction(QIcon(QStringLiteral(":/pum/pum.svg")), tr("Datamodel manager (pum)…"), this);
    action_->setObjectName(QStringLiteral("mActionPumDatamodelManager"));
    action_->setWhatsThis(tr("Install and upgrade PostgreSQL datamodels (pum modules)"));
    connect(action_, &QAction::triggered, this, &PumPlugin::showDialog);
    if (iface_) {
        iface_->addDatabaseToolBarIcon(action_);
        iface_->addPluginToDatabaseMenu(tr("&Datamodel manager (pum)"), action_);
    }
}

void PumPlugin::showDialog()
{
    if (!dialog_) {
        dialog_ = new PumDialog(iface_ ? iface_->mainWindow() : nullptr);
        dialog_->setAttribute(Qt::WA_DeleteOnClose, false);
        connect(dialog_, &PumDialog::commandFinished, this,
                [this](bool ok, const QString& message, const QString& details) {
                    if (!iface_)
                        return;
                    if (ok)
                        iface_->messageBar()->pushMessage(pluginName(), message, Qgis::MessageLevel::Success);
                    else
                        iface_->messageBar()->pushMessage(pluginName(), message, details,
                                                          Qgis::MessageLevel::Critical, 0);
                });
    }
    dialog_->show();
    dialog_->raise();
    dialog_->activateWindow();
}

void PumPlugin::unload()
{
    if (iface_ && action_) {
        iface_->removePluginDatabaseMenu(tr("&Datamodel manager (pum)"), action_);
        iface_->removeDatabaseToolBarIcon(action_);
    }
    delete action_;
    action_ = nullptr;
    delete dialog_;
    if (gTranslator) {
        QCoreApplication::removeTranslator(gTranslator);
        delete gTranslator;
        gTranslator = nullptr;
    }
}

}  // namespace pumqgis
