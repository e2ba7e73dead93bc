#pragma once
// Records a dry run as it goes: the schema before the first statement, each
// step's statements and time, the ACCESS EXCLUSIVE locks the run takes on
// tables that existed before it; then the schema after the last statement.
#include <chrono>
#include <map>
#include <string>

#include "pum/tools/checker.h"
#include "pum/run/dry_run.h"

namespace pum {

class Connection;
class Feedback;
class Transaction;

namespace detail {

class DryRunRecorder {
public:
    using Clock = std::chrono::steady_clock;
    DryRunRecorder(Connection& connection, Feedback& feedback, std::chrono::milliseconds lockWarningThreshold);

    // The warning that the locks are real, then the schema and the tables as
    // they are; in a joined transaction, a savepoint to roll back to.
    void begin(const std::string& command);
    // After each file or hook that ran (its start and its statements).
    void afterStep(const std::string& label, std::size_t statements, Clock::time_point start);
    // Reads the schema after the run and completes `report` (steps, locks,
    // changes, warnings); the caller fills in versions and the summary.
    void finish(DryRunReport& report);
    // Puts everything back: ROLLBACK, or ROLLBACK TO the savepoint when joined.
    void rollBack(Transaction& transaction);

private:
    struct Seen {
        std::string relation;
        std::string acquiredIn;
        Clock::time_point since;
        bool hasRows = false;
        bool dropped = false;
    };
    void pollLocks(const std::string& label, Clock::time_point start);
    bool tableHasRows(const std::string& oid, std::string& relation, bool& dropped);

    Connection& connection_;
    Feedback& feedback_;
    std::chrono::milliseconds threshold_;
    bool joined_ = false;
    SchemaSnapshot before_;
    std::map<std::string, std::string> existing_;  // oid -> schema.table, before the run
    std::map<std::string, Seen> seen_;             // oid -> lock first seen
    std::vector<DryRunStep> steps_;
    std::string command_;
    Clock::time_point start_;
};

}  // namespace detail
}  // namespace pum
