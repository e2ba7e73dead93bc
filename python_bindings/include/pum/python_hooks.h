#pragma once
// Entry point of libpum_python_hooks, the runner of `.py` hooks for programs
// that are not Python themselves (the CLI, the QGIS plugin). They dlopen the
// library only when a module has Python hooks, so they start without Python.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// Starts Python if no interpreter runs in this process (inside QGIS one does:
// it is used as it is), makes the `pum` package importable from where the
// library is (build tree or install), checks that psycopg can share pum's
// libpq, and registers the ".py" runner in pum::HookRegistry. Returns 0 on
// success; otherwise writes a one-line reason into `error` (`size` bytes,
// always NUL-terminated) and returns non-zero. Safe to call more than once.
int pum_python_register(char* error, size_t size);

typedef int (*pum_python_register_fn)(char* error, size_t size);

#ifdef __cplusplus
}
#endif
