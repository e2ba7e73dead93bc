#pragma once
// The terminal, when the standard streams are one.
#include <string>

namespace pum::platform {

enum class StandardStream { Input, Output, Error };

bool isTerminal(StandardStream stream);

// A line of standard input (std::cin), not echoed while typed when it is a terminal.
std::string readLineWithoutEcho();

}  // namespace pum::platform
