#pragma once
// Shared libraries loaded at run time, and finding where a loaded one lies.
#include <string>

namespace pum::platform {

// A library opened for the life of the process (never closed), its symbols
// private to it. `handle` is null when it could not be opened, and `error` says why.
struct OpenedLibrary {
    void* handle = nullptr;
    std::string error;
};
OpenedLibrary openLibrary(const std::string& file);

// The address of `name` in `library`, null when it has none.
void* findSymbol(const OpenedLibrary& library, const char* name);

// Makes the symbols of an already loaded library visible to the libraries
// loaded after it (nothing when it is not loaded).
void shareSymbols(const std::string& file);

// The file of the loaded library (or program) holding `address`, as the
// loader named it; empty when unknown.
std::string libraryContaining(const void* address);

}  // namespace pum::platform
