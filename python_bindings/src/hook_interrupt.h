#pragma once
// Ctrl-C inside a Python hook's own code (a loop that sends no SQL): the
// server-side cancel cannot reach it, so the CLI's interrupt raises
// KeyboardInterrupt in the thread that runs the hook.

namespace pum::python {

// Marks the calling thread as running a hook while it lives. Construct and
// destroy with the GIL held.
class RunningHook {
public:
    RunningHook();
    ~RunningHook();
    RunningHook(const RunningHook&) = delete;
    RunningHook& operator=(const RunningHook&) = delete;

private:
    unsigned long thread_;
};

// Registers the interrupter with pum::addInterrupter (once).
void registerHookInterrupter();

}  // namespace pum::python
