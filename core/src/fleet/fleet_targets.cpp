// The databases of a fleet as the user lists them.
#include <set>
#include <sstream>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/fleet/fleet.h"
#include "base/text.h"

namespace pum {

using detail::trimmed;

namespace {

}  // namespace

FleetTarget fleetTarget(const std::string& spec) { return FleetTarget{spec, redactPassword(spec, spec)}; }

std::vector<FleetTarget> parseFleetTargets(const std::string& text, const std::string& source)
{
    std::vector<FleetTarget> targets;
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        const std::string spec = trimmed(line);
        if (spec.empty() || spec[0] == '#') continue;
        if (auto problem = connectionSpecProblem(spec))
            throw ConfigError(source, number, "", "not a connection (service name, URI or key=value): " + *problem);
        targets.push_back(fleetTarget(spec));
    }
    return targets;
}

void refuseDuplicateTargets(const std::vector<FleetTarget>& targets)
{
    std::set<std::string> seen;
    for (const auto& target : targets)
        if (!seen.insert(target.spec).second)
            throw CommandError("database " + target.label +
                               " is listed twice: each database of a fleet runs once, in its own transaction");
}

}  // namespace pum
