#pragma once
// pum commits between some phases of a command (after an install that loads
// demo data, and after each phase of demo-data loading), which fires every
// pending deferred constraint check. We keep one transaction; at those seams
// the same checks fire here, and the next phase starts with every deferrable
// constraint back at its declared initial state.
#include <string>

namespace pum {

class Connection;
class Feedback;

// Fires the pending deferred checks of every deferrable constraint (foreign
// keys, unique, exclusion, constraint triggers) as a commit would, then puts
// the INITIALLY DEFERRED ones back to deferred. `phase` names what just ended
// ("the demo data files") for the error. Throws SqlError naming the
// constraint; the caller's transaction then rolls back.
void settleDeferredConstraints(Connection& connection, Feedback& feedback, const std::string& phase);

}  // namespace pum
