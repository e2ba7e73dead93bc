#include "upgrade_task.h"

#include <QElapsedTimer>
#include <QLocale>

#include "pum/base/display_path.h"
#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/module/parameter.h"

namespace pumqgis {

namespace {
QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}
QString nothingChanged()
{
    return UpgradeTask::tr("Nothing was changed: the transaction was rolled back.");
}
}  // namespace

UpgradeTask::UpgradeTask(TaskRequest request, const QString& description)
    : QgsTask(description, QgsTask::CanCancel), request_(std::move(request)), feedback_(new pumqt::QtFeedback(this))
{
    // Report the engine's progress to QGIS's task manager too.
    connect(feedback_, &pumqt::QtFeedback::progressed, this, [this](qint64 done, qint64 total, const QString&) {
        if (total > 0)
            setProgress(100.0 * static_cast<double>(done) / static_cast<double>(total));
    });
}

QString UpgradeTask::commandName(Command command)
{
    switch (command) {
    case Command::Info:
        return tr("Reading the status");
    case Command::Install:
        return tr("Install");
    case Command::Upgrade:
        return tr("Upgrade");
    case Command::RecreateApp:
        return tr("Recreate app");
    case Command::DemoData:
        return tr("Install demo data");
    case Command::Uninstall:
        return tr("Uninstall");
    case Command::Baseline:
        return tr("Baseline");
    }
    return QString();
}

void UpgradeTask::cancel()
{
    feedback_->cancel();
    QgsTask::cancel();
}

bool UpgradeTask::run()
{
    QElapsedTimer timer;
    timer.start();
    try {
        execute();
        result_.ok = true;
    } catch (const pum::CancelledError&) {
        result_.cancelled = true;
        result_.message = tr("Cancelled. %1").arg(nothingChanged());
    } catch (const pum::SqlError& e) {
        // A statement cancelled by Cancel surfaces as "canceling statement due to user request".
        if (feedback_->isCancelled()) {
            result_.cancelled = true;
            result_.message = tr("Cancelled. %1").arg(nothingChanged());
        } else {
            const auto& info = e.info();
            result_.errorFile = qs(info.file);
            result_.errorLine = info.line;
            result_.sqlstate = qs(info.sqlstate);
            result_.message = info.file.empty()
                                  ? tr("SQL error: %1").arg(qs(info.message))
                                  : tr("SQL error in %1, line %2: %3").arg(qs(info.file)).arg(info.line).arg(qs(info.message));
            QStringList lines;
            if (!info.sqlstate.empty())
                lines << tr("SQLSTATE %1").arg(qs(info.sqlstate));
            if (!info.detail.empty())
                lines << tr("Detail: %1").arg(qs(info.detail));
            if (!info.hint.empty())
                lines << tr("Hint: %1").arg(qs(info.hint));
            if (!info.context.empty())
                lines << tr("Context: %1").arg(qs(info.context));
            if (!info.statement.empty())
                lines << tr("Statement: %1").arg(qs(info.statement));
            if (request_.command != Command::Info)
                lines << nothingChanged();
            result_.details = lines.join(QLatin1Char('\n'));
        }
    } catch (const pum::ConfigError& e) {
        result_.errorFile = qs(e.file());
        result_.errorLine = e.line();
        result_.message = tr("Invalid module: %1").arg(QString::fromUtf8(e.what()));
        if (request_.command != Command::Info)
            result_.details = nothingChanged();
    } catch (const std::exception& e) {
        result_.message = feedback_->isCancelled() ? tr("Cancelled. %1").arg(nothingChanged())
                                                   : QString::fromUtf8(e.what());
        result_.cancelled = feedback_->isCancelled();
        if (!result_.cancelled && request_.command != Command::Info)
            result_.details = nothingChanged();
        // Cancelled, but the server never answered: say so (the connection was given up).
        if (result_.cancelled && dynamic_cast<const pum::ConnectionError*>(&e))
            result_.details = QString::fromUtf8(e.what());
    }
    result_.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    if (result_.ok)
        result_.message = summaryText();
    return result_.ok;
}

namespace {

// The options install and upgrade share, from the dialog's request.
template <typename Options>
Options commonOptions(const TaskRequest& request, const pum::ParameterValues& given)
{
    Options options;
    options.parameters = given;
    options.maxVersion = request.maxVersion;
    options.betaTesting = request.betaTesting;
    options.skipRoles = !request.rolesAndGrant;
    options.skipGrant = !request.rolesAndGrant;
    options.skipDropApp = request.skipDropApp;
    options.skipCreateApp = request.skipCreateApp;
    options.dryRun = request.dryRun;
    options.lockWarningThreshold = request.lockWarningThreshold;
    return options;
}

}  // namespace

void UpgradeTask::execute()
{
    if (request_.dryRun && request_.command != Command::Install && request_.command != Command::Upgrade)
        throw pum::CommandError(tr("Only Install and Upgrade have a dry run.").toStdString());
    // QGIS was started from anywhere: its current folder means nothing to the user.
    const pum::DisplayPathBase displayBase(request_.moduleDirectory.toStdString());
    pum::Config config = pum::Config::load(request_.moduleDirectory.toStdString());
    result_.config = config;
    feedback_->throwIfCancelled();
    // Cancel works while connecting too; connect_timeout (else 10 s) bounds it.
    pum::Connection connection = pum::Connection::open(request_.conninfo, [this] { return feedback_->isCancelled(); });
    feedback_->setConnection(&connection);
    struct Detach {
        pumqt::QtFeedback* feedback;
        ~Detach() { feedback->setConnection(nullptr); }
    } detach{feedback_};

    pum::Upgrader upgrader(config, connection, *feedback_);
    // Exactly what the CLI does with `-p NAME VALUE`: the engine fills in the
    // stored values and defaults, and refuses changes to install-time parameters.
    const pum::ParameterValues given = pum::parseParameterArguments(config, request_.parameters);
    switch (request_.command) {
    case Command::Info:
        break;
    case Command::Install: {
        auto options = commonOptions<pum::InstallOptions>(request_, given);
        options.demoData = request_.demoData;
        result_.summary = upgrader.install(options);
        break;
    }
    case Command::Upgrade: {
        auto options = commonOptions<pum::UpgradeOptions>(request_, given);
        result_.summary = upgrader.upgrade(options);
        break;
    }
    case Command::RecreateApp:
        upgrader.recreateApp(given);
        break;
    case Command::DemoData:
        upgrader.installDemoData(request_.demoData, given, !request_.rolesAndGrant, request_.skipDropApp,
                                 request_.skipCreateApp);
        break;
    case Command::Uninstall:
        upgrader.uninstall(given);
        break;
    case Command::Baseline:
        if (!request_.maxVersion)
            throw pum::CommandError(tr("Choose the version to record as baseline.").toStdString());
        upgrader.baseline(*request_.maxVersion, true, false, given);
        break;
    }
    // The state afterwards, for the status line. The command is committed by
    // now: failing to read the state must not turn it into a failure.
    if (request_.command == Command::Info) {
        result_.info = upgrader.info();
    } else {
        try {
            result_.info = upgrader.info();
        } catch (const pum::Error&) {
            result_.info.reset();
        }
    }
}

QString UpgradeTask::summaryText() const
{
    const QString module = result_.config ? qs(result_.config->module) : QString();
    // Two decimals below a second, so that a quick run never reads "0.0 s".
    const int decimals = result_.seconds < 1 ? 2 : result_.seconds < 10 ? 1 : 0;
    const QString seconds = QString::number(result_.seconds, 'f', decimals);
    const auto& s = result_.summary;
    if (s.dryRun)
        return dryRunText(module, *s.dryRun, seconds);
    switch (request_.command) {
    case Command::Info:
        return QString();
    case Command::Install:
        return tr("%1 installed at version %2 in %3 s")
            .arg(module, s.to ? qs(s.to->toString()) : QStringLiteral("?"), seconds);
    case Command::Upgrade:
        if (s.nothingToDo)
            return tr("%1 is already up to date").arg(module);
        return tr("%1 upgraded from %2 to %3 in %4 s")
            .arg(module, s.from ? qs(s.from->toString()) : QStringLiteral("?"),
                 s.to ? qs(s.to->toString()) : QStringLiteral("?"), seconds);
    case Command::RecreateApp:
        return tr("%1: application recreated in %2 s").arg(module, seconds);
    case Command::DemoData:
        return tr("%1: demo data %2 loaded in %3 s").arg(module, qs(request_.demoData), seconds);
    case Command::Uninstall:
        return tr("%1 uninstalled in %2 s").arg(module, seconds);
    case Command::Baseline:
        return tr("%1: baseline %2 recorded").arg(module, request_.maxVersion ? qs(request_.maxVersion->toString()) : QString());
    }
    return QString();
}

QString UpgradeTask::dryRunText(const QString& module, const pum::DryRunReport& report, const QString& seconds)
{
    const QString changes = tr("%1 schema changes").arg(QLocale().toString(static_cast<qlonglong>(report.schemaChanges.differenceCount())));
    if (report.versions.empty())
        return tr("Dry run: %1 is up to date; recreating its application would make %2, in %3 s. %4")
            .arg(module, changes, seconds, nothingChanged());
    const QString to = report.to ? qs(report.to->toString()) : qs(report.versions.back().toString());
    if (report.from)
        return tr("Dry run: would upgrade %1 from %2 to %3, %4, in %5 s. %6")
            .arg(module, qs(report.from->toString()), to, changes, seconds, nothingChanged());
    return tr("Dry run: would install %1 %2, %3, in %4 s. %5").arg(module, to, changes, seconds, nothingChanged());
}

QString UpgradeTask::taskName(const QString& module, Command command, bool dryRun)
{
    // The task manager lists it: a dry run must not read as the real command.
    return dryRun ? tr("%1: dry run of %2").arg(module, commandName(command)) : tr("%1: %2").arg(module, commandName(command));
}

void UpgradeTask::finished(bool)
{
    emit completed(result_);
}

}  // namespace pumqgis
