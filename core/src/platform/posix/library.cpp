#include "pum/platform/library.h"

#include <dlfcn.h>

namespace pum::platform {

OpenedLibrary openLibrary(const std::string& file)
{
    OpenedLibrary library;
    library.handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!library.handle) {
        const char* why = dlerror();
        library.error = why ? why : file;
    }
    return library;
}

void* findSymbol(const OpenedLibrary& library, const char* name)
{
    return library.handle ? dlsym(library.handle, name) : nullptr;
}

void shareSymbols(const std::string& file) { dlopen(file.c_str(), RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD); }

std::string libraryContaining(const void* address)
{
    Dl_info info{};
    if (dladdr(address, &info) == 0 || !info.dli_fname) return {};
    return info.dli_fname;
}

}  // namespace pum::platform
