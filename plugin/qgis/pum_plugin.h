#pragma once
// The QGIS plugin: one action in the Database menu and toolbar that opens the
// dialog; everything else lives in the dialog and the task.
#include <QObject>
#include <QPointer>

#include "qgisplugin.h"

class QAction;
class QTranslator;
class QgisInterface;

namespace pumqgis {

class PumDialog;

class PumPlugin : public QObject, public QgisPlugin {
    Q_OBJECT
public:
    explicit PumPlugin(QgisInterface* iface);
    ~PumPlugin() override;

    void initGui() override;
    void unload() override;

    QAction* action() const { return action_; }
    PumDialog* dialog() const;

public slots:
    void showDialog();

private:
    QgisInterface* iface_;
    QAction* action_ = nullptr;
    QPointer<PumDialog> dialog_;
};

// Installs the plugin's translation for QGIS's locale (settings
// "locale/userLocale", else the system's). Returns the translator installed,
// or nullptr when there is none for that language.
QTranslator* installTranslator(const QString& locale);
// Where the .qm files are looked for: $PUM_I18N_DIR, next to the plugin
// (build tree), then the install location.
QStringList translationDirectories();

}  // namespace pumqgis
