#pragma once
// What the database holds compared with the module on disk, in words, and
// which commands make sense in that state.
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

#include "pum/module/config.h"
#include "pum/run/upgrader.h"
#include "pum/module/version.h"

namespace pumqt {

class ModuleStatus {
    Q_DECLARE_TR_FUNCTIONS(pumqt::ModuleStatus)
public:
    enum class State {
        Unknown,           // no connection or no module chosen yet
        Error,             // the module or the database could not be read
        NotInstalled,      // no migration table for this module
        UpToDate,          // installed at the newest changelog version
        UpgradeAvailable,  // installed, newer changelogs in the module
        OtherModule,       // the migration table belongs to another module
        DatabaseNewer,     // installed version newer than any changelog of the module
        BetaTesting,       // installed with beta testing: upgrades are refused
    };

    enum Action {
        NoAction = 0,
        Install = 1 << 0,
        Upgrade = 1 << 1,
        RecreateApp = 1 << 2,
        DemoData = 1 << 3,
        Uninstall = 1 << 4,
        Baseline = 1 << 5,
    };

    ModuleStatus() = default;
    static ModuleStatus unknown(const QString& reason);
    static ModuleStatus error(const QString& message);
    // `config` is the module read from disk, `info` what Upgrader::info() found.
    static ModuleStatus fromInfo(const pum::Config& config, const pum::ModuleInfo& info);

    State state() const { return state_; }
    // One line: "Upgrade available from 1.2.0 to 1.4.0".
    QString title() const { return title_; }
    // Longer explanation (may be empty), plain text.
    QString details() const { return details_; }
    bool isEnabled(Action action) const { return (actions_ & action) != 0; }
    int actions() const { return actions_; }

    std::optional<pum::Version> installedVersion() const { return installed_; }
    // Versions that an upgrade (or install) would run, oldest first, up to
    // `maxVersion` when given.
    std::vector<pum::Version> versionsToRun(const std::optional<pum::Version>& maxVersion = std::nullopt) const;
    // Versions of the module's changelogs (for the "target version" choice).
    const std::vector<pum::Version>& availableVersions() const { return available_; }

private:
    // fromInfo without a migration table of this module: `s` holds the sorted versions.
    static ModuleStatus notInstalled(ModuleStatus s, const pum::Config& config, const pum::ModuleInfo& info);
    // fromInfo once the installed version is read: `s` holds it and the sorted versions.
    static ModuleStatus comparedWithModule(ModuleStatus s, const pum::Config& config, bool betaTesting);
    // The installed version's date, its parameters that differ from the
    // defaults, the demo data loaded, beta testing: a line each.
    static QString whatIsInstalled(const pum::Config& config, const pum::ModuleInfo& info);

    State state_ = State::Unknown;
    QString title_;
    QString details_;
    int actions_ = NoAction;
    std::optional<pum::Version> installed_;
    std::vector<pum::Version> pending_;
    std::vector<pum::Version> available_;
};

// "1.2.0, 1.3.0 and 1.4.0"
QString versionList(const std::vector<pum::Version>& versions);

}  // namespace pumqt
