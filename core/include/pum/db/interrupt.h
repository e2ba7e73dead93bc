#pragma once
// Ctrl-C for the whole process: whatever a command is doing (a statement, a
// lock wait, a hook's own Python code), interruptAll() makes it stop.
#include <functional>

namespace pum {

// Called by interruptAll(), from the thread that calls it (the CLI's signal
// watcher, never a signal handler). Must be thread-safe and must not block
// for long. Registered for the life of the process.
void addInterrupter(std::function<void()> interrupter);

// Connection::cancelAll(), then every registered interrupter (the Python hook
// runner raises KeyboardInterrupt in the hooks that are running).
void interruptAll();

}  // namespace pum
