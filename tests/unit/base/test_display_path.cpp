// How messages name files: relative to the current folder by default, to
// the module's folder where a program set it (the QGIS plugin), per thread.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "pum/base/display_path.h"

namespace fs = std::filesystem;

TEST(DisplayPath, RelativeToTheCurrentFolderByDefault)
{
    const fs::path file = fs::current_path() / "changelogs" / "1.0.0" / "01.sql";
    EXPECT_EQ(pum::displayPath(file), (fs::path("changelogs") / "1.0.0" / "01.sql").string());
}

TEST(DisplayPath, RelativeToTheBaseWhereOneIsSet)
{
    const fs::path module = "/srv/models/tww";
    {
        pum::DisplayPathBase base(module);
        EXPECT_EQ(pum::displayPath(module / "changelogs/2025.0.1/03_tww_db_dss.sql"),
                  "changelogs/2025.0.1/03_tww_db_dss.sql");
        EXPECT_EQ(pum::displayPath(module / "app/../app/create_app.py"), "app/create_app.py");
        // Outside the module: the path as given, never "../..".
        EXPECT_EQ(pum::displayPath("/etc/pg_service.conf"), "/etc/pg_service.conf");
        // Another thread keeps the default.
        std::string other;
        std::thread([&] { other = pum::displayPath(fs::current_path() / "x.sql"); }).join();
        EXPECT_EQ(other, "x.sql");
    }
    EXPECT_EQ(pum::displayPath(module / "a.sql"), (module / "a.sql").string()) << "the base ends with its scope";
}
