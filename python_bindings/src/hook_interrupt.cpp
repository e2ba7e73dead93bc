#include "hook_interrupt.h"

#include <Python.h>

#include <algorithm>
#include <mutex>
#include <vector>

#include "pum/db/interrupt.h"

namespace pum::python {

namespace {

// Threads running a hook. Lock order: the GIL, then this mutex (both the
// hook's thread and the interrupter hold the GIL when they take it).
std::mutex runningMutex;
std::vector<unsigned long> running;

void interruptRunningHooks()
{
    if (!Py_IsInitialized())
        return;
    // Waits at most one switch interval while a hook runs Python code; the
    // runner releases the GIL whenever the core works.
    PyGILState_STATE state = PyGILState_Ensure();
    {
        std::lock_guard<std::mutex> lock(runningMutex);
        for (unsigned long thread : running)
            PyThreadState_SetAsyncExc(thread, PyExc_KeyboardInterrupt);
    }
    PyGILState_Release(state);
}

}  // namespace

RunningHook::RunningHook() : thread_(PyThread_get_thread_ident())
{
    std::lock_guard<std::mutex> lock(runningMutex);
    running.push_back(thread_);
}

RunningHook::~RunningHook()
{
    std::lock_guard<std::mutex> lock(runningMutex);
    running.erase(std::find(running.begin(), running.end(), thread_));
}

void registerHookInterrupter()
{
    static std::once_flag once;
    std::call_once(once, [] { pum::addInterrupter(interruptRunningHooks); });
}

}  // namespace pum::python
