#include "binders.h"

#include <algorithm>
#include <string>
#include <vector>

namespace pum::python {

namespace {

struct Entry {
    std::string name;
    int order;
    BindFunction bind;
};

// A function-local static: Binders in other files may run before this file's statics.
std::vector<Entry>& entries()
{
    static std::vector<Entry> list;
    return list;
}

}  // namespace

Binder::Binder(const char* name, int order, BindFunction bind) { entries().push_back({name, order, bind}); }

void bindAll(py::module_& module)
{
    auto list = entries();
    std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) {
        return a.order != b.order ? a.order < b.order : a.name < b.name;
    });
    for (const Entry& entry : list) entry.bind(module);
}

}  // namespace pum::python
