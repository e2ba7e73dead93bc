#include "fleet_task.h"

#include <chrono>

#include "pum/db/database.h"
#include "pum/base/error.h"

namespace pumqgis {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

}  // namespace

// The runner's observer: turns its calls (from several worker threads at
// once) into the task's signals, which Qt queues to the receivers' thread.
class FleetSignalObserver : public pum::FleetObserver {
public:
    FleetSignalObserver(FleetTask& task, std::size_t count) : task_(task), lastProgress_(count) {}

    void started(std::size_t index, const pum::FleetTarget&) override { emit task_.targetStarted(static_cast<int>(index)); }

    void finished(std::size_t index, const pum::FleetResult& result) override
    {
        {
            // QGIS's task list shows the share of databases done; one writer at a time.
            std::lock_guard<std::mutex> lock(mutex_);
            ++done_;
            task_.setProgress(100.0 * static_cast<double>(done_) / static_cast<double>(lastProgress_.size()));
        }
        emit task_.targetFinished(static_cast<int>(index), result);
    }

    void log(std::size_t index, pum::Feedback::Level level, const std::string& message) override
    {
        // The failure itself is in the result; statement-level chatter would flood the event loop.
        if (level == pum::Feedback::Level::Error || level > pum::Feedback::Level::Info)
            return;
        emit task_.targetLogged(static_cast<int>(index), static_cast<int>(level), qs(message));
    }

    void progress(std::size_t index, std::size_t done, std::size_t total, const std::string& current) override
    {
        // One update per database every 100 ms at most (and the last one): a
        // changelog reports every statement, and there may be thousands.
        const auto now = std::chrono::steady_clock::now();
        auto& last = lastProgress_[index];  // only this database's thread touches it
        if (done < total && now - last < std::chrono::milliseconds(100))
            return;
        last = now;
        emit task_.targetProgress(static_cast<int>(index), static_cast<qint64>(done), static_cast<qint64>(total),
                                  qs(current));
    }

    bool isCancelled() const override { return task_.isCanceled(); }

private:
    FleetTask& task_;
    std::vector<std::chrono::steady_clock::time_point> lastProgress_;
    std::mutex mutex_;
    std::size_t done_ = 0;
};

FleetTask::FleetTask(FleetRequest request, const QString& description)
    : QgsTask(description, QgsTask::CanCancel), request_(std::move(request))
{
    qRegisterMetaType<pum::FleetResult>();
    qRegisterMetaType<pum::FleetReport>();
    report_.command = request_.options.command;
    report_.module = request_.config.module;
}

FleetTask::~FleetTask() = default;

void FleetTask::cancel()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (runner_)
            runner_->cancel();
    }
    // Also stops a discovery still connecting: the run checks isCanceled() before starting.
    QgsTask::cancel();
}

void FleetTask::cancelTarget(int index)
{
    std::lock_guard<std::mutex> lock(mutex_);
    if (runner_ && index >= 0)
        runner_->cancel(static_cast<std::size_t>(index));
}

std::vector<pum::FleetTarget> FleetTask::collectTargets()
{
    if (!request_.server)
        return request_.targets;
    pum::FleetDiscovery found = pum::discoverFleet(*request_.server, request_.config, request_.namePattern);
    for (const auto& [database, why] : found.skipped)
        emit skipped(qs(database), qs(why));
    if (found.targets.empty())
        throw pum::CommandError(
            (request_.namePattern.empty()
                 ? tr("No database of this server holds module %1.").arg(qs(request_.config.module))
                 : tr("No database of this server named like %1 holds module %2.")
                       .arg(qs(request_.namePattern), qs(request_.config.module)))
                .toStdString());
    return found.targets;
}

bool FleetTask::run()
{
    try {
        std::vector<pum::FleetTarget> targets = collectTargets();
        pum::refuseDuplicateTargets(targets);
        QStringList labels;
        for (const auto& target : targets)
            labels << qs(target.label);
        pum::FleetRunner* runner = nullptr;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            runner_ = std::make_unique<pum::FleetRunner>(request_.config, std::move(targets));
            runner = runner_.get();
        }
        // Posted before any worker starts: the rows exist before their first update.
        emit targetsReady(labels);
        FleetSignalObserver observer(*this, runner->targets().size());
        report_ = runner->run(request_.options, observer);
    } catch (const std::exception& e) {
        // A discovery error may quote the server's connection string: never its password.
        error_ = qs(request_.server ? pum::redactPassword(e.what(), *request_.server) : std::string(e.what()));
    }
    return error_.isEmpty() && !report_.anyFailed() && !report_.anyCancelled();
}

void FleetTask::finished(bool)
{
    // A task cancelled before it ran has no runner: nothing was touched.
    if (error_.isEmpty() && report_.results.empty() && isCanceled())
        error_ = tr("Cancelled before any database was started.");
    emit completed(report_, error_);
}

}  // namespace pumqgis
