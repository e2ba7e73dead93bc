#include "qgis_test_support.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <unistd.h>

#include "qgsabstractproviderconnection.h"
#include "qgsapplication.h"
#include "qgsauthconfig.h"
#include "qgsauthmanager.h"
#include "qgsdatasourceuri.h"
#include "qgsprovidermetadata.h"
#include "qgsproviderregistry.h"

#include "pum/db/database.h"
#include "pum/base/feedback.h"
#include "pum/run/upgrader.h"

namespace pumtest {

const LoginRole& loginRole()
{
    static const LoginRole role = [] {
        LoginRole r{"pum_plugin_" + std::to_string(getpid()), "s3cret 'quoted'"};
        auto admin = pum::Connection::open(pum::test::conninfo("postgres"));
        admin.exec("DROP ROLE IF EXISTS " + admin.quoteIdentifier(r.name));
        // Superuser so that it may create the module's roles and extensions.
        admin.exec("CREATE ROLE " + admin.quoteIdentifier(r.name) + " LOGIN SUPERUSER PASSWORD " +
                   admin.quoteLiteral(r.password));
        return r;
    }();
    return role;
}

namespace {
QString authConfigFor(const LoginRole& role)
{
    QgsAuthManager* auth = QgsApplication::authManager();
    if (!auth->masterPasswordIsSet())
        auth->setMasterPassword(QStringLiteral("master password of the test profile"), true);
    QgsAuthMethodConfig config(QStringLiteral("Basic"));
    config.setName(QStringLiteral("pum test %1").arg(QString::fromStdString(role.name)));
    config.setConfig(QStringLiteral("username"), QString::fromStdString(role.name));
    config.setConfig(QStringLiteral("password"), QString::fromStdString(role.password));
    if (!auth->storeAuthenticationConfig(config))
        throw std::runtime_error("could not store the auth configuration");
    return config.id();
}
}  // namespace

void saveConnection(const QString& name, const pum::test::TempDatabase& db, bool viaAuthConfig)
{
    const auto& env = pum::test::clusterEnv();
    QgsDataSourceUri uri;
    const QString port = QString::fromStdString(env.at("PGPORT"));
    const QString dbname = QString::fromStdString(db.name());
    if (viaAuthConfig)
        uri.setConnection(QStringLiteral("127.0.0.1"), port, dbname, QString(), QString(), QgsDataSourceUri::SslDisable,
                          authConfigFor(loginRole()));
    else
        uri.setConnection(QString::fromStdString(env.at("PGHOST")), port, dbname, QStringLiteral("postgres"),
                          QString(), QgsDataSourceUri::SslPrefer);
    saveConnection(name, uri);
}

void saveConnection(const QString& name, const QgsDataSourceUri& uri)
{
    QgsProviderMetadata* md = QgsProviderRegistry::instance()->providerMetadata(QStringLiteral("postgres"));
    if (!md)
        throw std::runtime_error("QGIS's postgres provider is not loaded");
    // Like the "Store" boxes of the connection dialog: otherwise QGIS drops the user name.
    std::unique_ptr<QgsAbstractProviderConnection> connection(md->createConnection(uri.uri(false), QVariantMap{{QStringLiteral("saveUsername"), true}, {QStringLiteral("savePassword"), true}}));
    md->saveConnection(connection.get(), name);
}

QString dataModule(const char* name)
{
    return QString::fromStdString((pum::test::sourceDir() / "tests" / "data" / name).string());
}

QString writeSlowModule(const pum::test::TempDir& dir)
{
    dir.write(".pum.yaml", "pum:\n  module: slow\n");
    dir.write("changelogs/1.0.0/01_table.sql", "CREATE TABLE slow_table (id int);\n");
    dir.write("changelogs/1.0.0/02_wait.sql", "SELECT pg_sleep(60);\n");
    return QString::fromStdString(dir.path().string());
}

void installWithCore(const pum::test::TempDatabase& db, const char* module, const char* maxVersion, bool betaTesting)
{
    auto connection = db.connect();
    pum::NullFeedback feedback;
    pum::Upgrader upgrader(pum::Config::load(dataModule(module).toStdString()), connection, feedback);
    pum::InstallOptions options;
    options.skipRoles = options.skipGrant = true;
    if (maxVersion)
        options.maxVersion = pum::Version::parse(maxVersion);
    options.betaTesting = betaTesting;
    upgrader.install(options);
}

bool waitUntilSleeping(const pum::test::TempDatabase& db)
{
    return waitFor([&] {
        return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'") == "1";
    }, 30000);
}

bool waitFor(const std::function<bool()>& done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return done();
}

std::unique_ptr<pumqgis::PumDialog> openDialog(const QString& connection, const QString& module)
{
    auto dialog = std::make_unique<pumqgis::PumDialog>();
    dialog->setConfirmation([](const QString&, const QString&) { return true; });
    dialog->reloadConnections();
    if (!dialog->selectConnection(connection))
        throw std::runtime_error("no connection " + connection.toStdString());
    dialog->setModuleDirectory(module);
    waitFor([&] {
        return !dialog->isBusy() && dialog->status().state() != pumqt::ModuleStatus::State::Unknown;
    });
    return dialog;
}

bool run(pumqgis::PumDialog& dialog, pumqgis::Command command, int ms)
{
    bool finished = false;
    auto connection = QObject::connect(&dialog, &pumqgis::PumDialog::commandFinished,
                                       [&](bool, const QString&, const QString&) { finished = true; });
    if (!dialog.startCommand(command)) {
        QObject::disconnect(connection);
        return false;
    }
    const bool ok = waitFor([&] { return finished && !dialog.isBusy(); }, ms);
    QObject::disconnect(connection);
    return ok;
}

}  // namespace pumtest
