#pragma once
// A module shaped like a large public datamodel, generated for the tests of
// progress and logs: parameters with long descriptions, many changelog files,
// hundreds of server NOTICEs, a demo data set and a Python application hook
// that takes a while and sends hundreds of statements.
#include <cstddef>
#include <filesystem>

namespace pum::test {

struct BigModuleShape {
    std::size_t parameters = 6;
    std::size_t descriptionLength = 200;  // at most, in whole sentences (at least 150 from 200 on)
    std::size_t files = 80;               // changelog files, over two versions
    std::size_t statementsPerFile = 20;
    std::size_t noticesPerFile = 4;       // DROP ... IF EXISTS of what does not exist
    std::size_t hookStatements = 300;     // sent by the Python create hook
    double hookSeconds = 3.0;             // how long the create hook takes, spread over its statements
    bool pythonHook = true;               // else the create hook is SQL
};

// Writes the module into `dir` (which must exist): module big_model, schemas
// big_data and big_app, versions 1.0.0 and 1.1.0, demo data "Sample data".
void writeBigModule(const std::filesystem::path& dir, const BigModuleShape& shape = {});

}  // namespace pum::test
