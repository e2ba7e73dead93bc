#include "module_status.h"

#include <algorithm>

namespace pumqt {

namespace {
QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}
}  // namespace

QString versionList(const std::vector<pum::Version>& versions)
{
    QStringList names;
    for (const auto& v : versions)
        names << qs(v.toString());
    if (names.size() <= 1)
        return names.join(QString());
    const QString last = names.takeLast();
    return ModuleStatus::tr("%1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

ModuleStatus ModuleStatus::unknown(const QString& reason)
{
    ModuleStatus s;
    s.state_ = State::Unknown;
    s.title_ = reason;
    return s;
}

ModuleStatus ModuleStatus::error(const QString& message)
{
    ModuleStatus s;
    s.state_ = State::Error;
    s.title_ = tr("Cannot read the status");
    s.details_ = message;
    return s;
}

ModuleStatus ModuleStatus::fromInfo(const pum::Config& config, const pum::ModuleInfo& info)
{
    ModuleStatus s;
    s.available_ = info.available;
    std::sort(s.available_.begin(), s.available_.end());
    s.pending_ = info.pending;
    std::sort(s.pending_.begin(), s.pending_.end());

    if (!info.installed)
        return notInstalled(std::move(s), config, info);

    if (info.installedModule != config.module) {
        s.state_ = State::OtherModule;
        s.title_ = tr("Another module is installed: %1").arg(qs(info.installedModule));
        s.details_ = tr("The migration table %1 belongs to %2, not to %3.")
                         .arg(qs(info.migrationTable), qs(info.installedModule), qs(config.module));
        return s;
    }

    if (!info.current || !info.current->version) {
        s.state_ = State::Error;
        s.title_ = tr("Cannot read the installed version");
        s.details_ = info.current ? tr("The migration table records version '%1', which is not a version.")
                                        .arg(qs(info.current->versionText))
                                  : tr("The migration table %1 has no rows.").arg(qs(info.migrationTable));
        return s;
    }
    s.installed_ = info.current->version;
    s = comparedWithModule(std::move(s), config, info.current->betaTesting);
    const QString installed = whatIsInstalled(config, info);
    s.details_ = s.details_.isEmpty() ? installed : s.details_ + QLatin1Char('\n') + installed;
    return s;
}

QString ModuleStatus::whatIsInstalled(const pum::Config& config, const pum::ModuleInfo& info)
{
    // "2026-12-08 10:12:31.123" -> "2026-12-08 10:12": the minute is enough to recognise a run.
    QStringList lines;
    lines << tr("Version %1 installed on %2%3.")
                 .arg(qs(info.current->versionText), qs(info.current->dateInstalled).left(16),
                      info.current->betaTesting ? tr(", for beta testing") : QString());
    QStringList changed;
    for (const auto& definition : config.parameters) {
        const auto stored = info.parameters.find(definition.name);
        if (stored == info.parameters.end() || (definition.defaultValue && stored->second == *definition.defaultValue))
            continue;
        changed << QStringLiteral("%1 = %2").arg(qs(definition.name), qs(stored->second.text()));
    }
    if (!changed.isEmpty())
        lines << tr("Parameters other than the defaults: %1.").arg(changed.join(QStringLiteral(", ")));
    QStringList demo;
    for (const auto& set : info.demoData)
        demo << tr("%1 (%2)").arg(qs(set.name), qs(set.loadedAt));
    lines << (demo.isEmpty() ? tr("No demo data loaded.") : tr("Demo data loaded: %1.").arg(demo.join(QStringLiteral(", "))));
    return lines.join(QLatin1Char('\n'));
}

ModuleStatus ModuleStatus::notInstalled(ModuleStatus s, const pum::Config& config, const pum::ModuleInfo& info)
{
    const QString module = qs(config.module);
    if (!info.otherSchemas.empty()) {
        QStringList schemas;
        for (const auto& schema : info.otherSchemas)
            schemas << qs(schema);
        s.state_ = State::OtherModule;
        s.title_ = tr("Another module is installed in this database");
        s.details_ = tr("A migration table exists in schema %1; %2 uses schema %3.")
                         .arg(schemas.join(QStringLiteral(", ")), module,
                              qs(config.migrationTableSchema));
        return s;
    }
    s.state_ = State::NotInstalled;
    s.title_ = tr("%1 is not installed").arg(module);
    if (!s.available_.empty())
        s.details_ = tr("Install runs versions %1.").arg(versionList(s.pending_.empty() ? s.available_ : s.pending_));
    s.actions_ = Install | Baseline;
    if (s.pending_.empty())
        s.pending_ = s.available_;
    return s;
}

ModuleStatus ModuleStatus::comparedWithModule(ModuleStatus s, const pum::Config& config, bool betaTesting)
{
    const QString module = qs(config.module);
    const QString installed = qs(s.installed_->toString());
    const bool hasApp = !config.dropHooks.empty() || !config.createHooks.empty();
    const bool hasDemo = !config.demoData.empty();
    const bool hasUninstall = !config.uninstallHooks.empty();

    if (betaTesting) {
        s.state_ = State::BetaTesting;
        s.title_ = tr("%1 %2 is a beta-testing install").arg(module, installed);
        s.details_ = tr("A beta-testing install cannot be upgraded: install the release into a new database.");
        s.actions_ = (hasApp ? RecreateApp : NoAction) | (hasDemo ? DemoData : NoAction) |
                     (hasUninstall ? Uninstall : NoAction);
        return s;
    }

    if (!s.available_.empty() && *s.installed_ > s.available_.back()) {
        s.state_ = State::DatabaseNewer;
        s.title_ = tr("The database is newer than the module");
        s.details_ = tr("The database has %1 %2, the module's newest version is %3: use a newer module.")
                         .arg(module, installed, qs(s.available_.back().toString()));
        return s;
    }

    if (!s.pending_.empty()) {
        s.state_ = State::UpgradeAvailable;
        s.title_ = tr("Upgrade available from %1 to %2").arg(installed, qs(s.pending_.back().toString()));
        s.details_ = tr("The upgrade runs versions %1.").arg(versionList(s.pending_));
        s.actions_ = Upgrade | Baseline | (hasApp ? RecreateApp : NoAction) | (hasUninstall ? Uninstall : NoAction);
        return s;
    }

    s.state_ = State::UpToDate;
    s.title_ = tr("%1 %2 is up to date").arg(module, installed);
    s.actions_ = (hasApp ? RecreateApp : NoAction) | (hasDemo ? DemoData : NoAction) |
                 (hasUninstall ? Uninstall : NoAction);
    return s;
}

std::vector<pum::Version> ModuleStatus::versionsToRun(const std::optional<pum::Version>& maxVersion) const
{
    std::vector<pum::Version> out;
    for (const auto& v : pending_)
        if (!maxVersion || v <= *maxVersion)
            out.push_back(v);
    return out;
}

}  // namespace pumqt
