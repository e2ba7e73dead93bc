// pum_write_big_module DIR: writes the generated big module (big_module.h)
// into DIR, for the QGIS end-to-end step and the screenshots.
#include <cstdio>
#include <exception>
#include <filesystem>

#include "big_module.h"

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: pum_write_big_module DIR\n");
        return 2;
    }
    try {
        std::filesystem::create_directories(argv[1]);
        pum::test::writeBigModule(argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pum_write_big_module: %s\n", e.what());
        return 1;
    }
    return 0;
}
