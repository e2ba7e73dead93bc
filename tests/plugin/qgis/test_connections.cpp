// The connection list: QGIS's saved PostgreSQL connections (one through an
// auth configuration) and pg_service entries, resolved to working libpq strings.
#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include "connection_list.h"
#include "qgis_test_support.h"

#include "pum/db/database.h"

using pumqgis::ConnectionEntry;
using pumqgis::ConnectionList;

TEST(Connections, SavedConnectionsAndServicesInOneList)
{
    pum::test::TempDatabase db;
    pumtest::saveConnection(QStringLiteral("b plain"), db, false);
    pumtest::saveConnection(QStringLiteral("A with auth"), db, true);

    QTemporaryDir dir;
    QFile services(dir.filePath(QStringLiteral("pg_service.conf")));
    ASSERT_TRUE(services.open(QIODevice::WriteOnly));
    const auto& env = pum::test::clusterEnv();
    services.write(QStringLiteral("# test services\n[pum_service]\nhost=%1\nport=%2\nuser=postgres\ndbname=%3\n\n[other]\nhost=nowhere\n")
                       .arg(QString::fromStdString(env.at("PGHOST")), QString::fromStdString(env.at("PGPORT")),
                            QString::fromStdString(db.name()))
                       .toUtf8());
    services.close();
    qputenv("PGSERVICEFILE", services.fileName().toLocal8Bit());

    const QList<ConnectionEntry> entries = ConnectionList::load();
    QStringList labels;
    for (const auto& e : entries)
        labels << e.label();
    // QGIS connections first (sorted without case), then the services.
    const int a = labels.indexOf(QStringLiteral("A with auth"));
    const int b = labels.indexOf(QStringLiteral("b plain"));
    const int s = labels.indexOf(QStringLiteral("pum_service (pg_service)"));
    ASSERT_GE(a, 0) << labels.join(QStringLiteral(", ")).toStdString();
    ASSERT_GE(b, 0);
    ASSERT_GE(s, 0);
    EXPECT_LT(a, b);
    EXPECT_LT(b, s);
    EXPECT_GE(labels.indexOf(QStringLiteral("other (pg_service)")), 0);

    // Each resolves to a libpq string that connects.
    for (const int index : {a, b, s}) {
        QString error;
        const QString info = ConnectionList::conninfo(entries[index], &error);
        ASSERT_FALSE(info.isEmpty()) << error.toStdString();
        auto connection = pum::Connection::open(info.toStdString());
        EXPECT_EQ(connection.exec("SELECT current_database()").value(0, 0), db.name());
        const std::string user = connection.exec("SELECT current_user").value(0, 0);
        EXPECT_EQ(user, index == a ? pumtest::loginRole().name : std::string("postgres"));
    }
    // The auth configuration's password is only in the resolved string, not in the saved URI.
    EXPECT_FALSE(entries[a].uri.contains(QStringLiteral("s3cret")));
    EXPECT_TRUE(entries[a].uri.contains(QStringLiteral("authcfg=")));
    qunsetenv("PGSERVICEFILE");
}

TEST(Connections, MissingAuthConfigurationIsReported)
{
    ConnectionEntry entry;
    entry.name = QStringLiteral("broken");
    entry.uri = QStringLiteral("host=127.0.0.1 port=5432 dbname='x' authcfg=nosuch1");
    QString error;
    EXPECT_TRUE(ConnectionList::conninfo(entry, &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("nosuch1"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("broken")));
}

TEST(Connections, QuotingForLibpq)
{
    EXPECT_EQ(pumqgis::libpqQuote(QStringLiteral("it's a \\ path")), QStringLiteral("'it\\'s a \\\\ path'"));
}
