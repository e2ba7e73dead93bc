#pragma once
// Helpers for the plugin tests that run a real QgsApplication (offscreen,
// with a throwaway profile made by main.cpp) against the test cluster.
#include <QString>

#include <functional>
#include <memory>
#include <string>

#include "qgsdatasourceuri.h"

#include "pum_dialog.h"
#include "test_support.h"

namespace pumtest {

// A login role with a password, for connections through an auth configuration
// (the cluster asks for a password over TCP for every role but postgres).
struct LoginRole {
    std::string name;
    std::string password;
};
const LoginRole& loginRole();

// Saves a QGIS PostgreSQL connection to `db`: over the Unix socket as postgres,
// or, with `viaAuthConfig`, over TCP 127.0.0.1 as loginRole() whose user and
// password are only in a new Basic auth configuration.
void saveConnection(const QString& name, const pum::test::TempDatabase& db, bool viaAuthConfig);
// Saves a QGIS PostgreSQL connection to whatever `uri` names.
void saveConnection(const QString& name, const QgsDataSourceUri& uri);

// Module folders.
QString dataModule(const char* name);  // tests/data/<name>
// Module `slow` in `dir`: 1.0.0 creates slow_table, then sleeps 60 s in 02_wait.sql
// (SELECT pg_sleep(60)), for cancelling a running statement. Returns the folder.
QString writeSlowModule(const pum::test::TempDir& dir);
// Until the server sleeps in the slow module's 02_wait.sql (30 s at most).
bool waitUntilSleeping(const pum::test::TempDatabase& db);

// Processes events until `done()` or `ms` pass; returns done().
bool waitFor(const std::function<bool()>& done, int ms = 60000);

// Installs tests/data/<module> with the core directly (up to `maxVersion`,
// nullptr: the newest), without roles: a database state to open the dialog on.
void installWithCore(const pum::test::TempDatabase& db, const char* module, const char* maxVersion,
                     bool betaTesting = false);

// A dialog on `connection` and `module`, its status read.
std::unique_ptr<pumqgis::PumDialog> openDialog(const QString& connection, const QString& module);
// Runs `command` in the dialog and waits until it is over and the status is read again.
bool run(pumqgis::PumDialog& dialog, pumqgis::Command command, int ms = 120000);

}  // namespace pumtest

// Readable QStrings in GoogleTest's failure messages.
QT_BEGIN_NAMESPACE
inline void PrintTo(const QString& text, std::ostream* os)
{
    *os << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE
