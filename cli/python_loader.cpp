#include "python_loader.h"

namespace pum::cli {

bool loadPythonHooks(std::string& error)
{
    // Replaced by the Python hooks work (issue 3).
    error = "Python hooks (.py) are not supported by this build of pum yet";
    return false;
}

}  // namespace pum::cli
