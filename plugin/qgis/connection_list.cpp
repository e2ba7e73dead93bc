#include "connection_list.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <memory>

#include "qgsabstractproviderconnection.h"
#include "qgsapplication.h"
#include "qgsdatasourceuri.h"
#include "qgsprovidermetadata.h"
#include "qgsproviderregistry.h"

#include "pum/db/database.h"

namespace pumqgis {

QString ConnectionEntry::label() const
{
    return kind == Kind::Service ? ConnectionList::tr("%1 (pg_service)").arg(name) : name;
}

QString libpqQuote(const QString& value)
{
    return QString::fromStdString(pum::quoteConninfoValue(value.toStdString()));
}

namespace {

QStringList sectionsOf(const QString& path)
{
    QStringList names;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return names;
    static const QRegularExpression section(QStringLiteral("^\\s*\\[([^\\]]+)\\]\\s*$"));
    QTextStream in(&file);
    while (!in.atEnd()) {
        const auto match = section.match(in.readLine());
        if (match.hasMatch())
            names << match.captured(1).trimmed();
    }
    return names;
}

}  // namespace

QStringList ConnectionList::serviceNames()
{
    QStringList files;
    const QString userFile = qEnvironmentVariable("PGSERVICEFILE");
    files << (userFile.isEmpty() ? QDir::homePath() + QStringLiteral("/.pg_service.conf") : userFile);
    const QString sysconf = qEnvironmentVariable("PGSYSCONFDIR");
    // Debian's libpq looks in /etc/postgresql-common when PGSYSCONFDIR is not set.
    files << (sysconf.isEmpty() ? QStringLiteral("/etc/postgresql-common") : sysconf) +
                 QStringLiteral("/pg_service.conf");
    QStringList names;
    for (const QString& f : files)
        for (const QString& n : sectionsOf(f))
            if (!names.contains(n))
                names << n;
    names.sort(Qt::CaseInsensitive);
    return names;
}

QList<ConnectionEntry> ConnectionList::load()
{
    QList<ConnectionEntry> entries;
    if (QgsProviderMetadata* md = QgsProviderRegistry::instance()->providerMetadata(QStringLiteral("postgres"))) {
        try {
            const auto connections = md->connections(false);
            for (auto it = connections.cbegin(); it != connections.cend(); ++it) {
                ConnectionEntry e;
                e.kind = ConnectionEntry::Kind::Qgis;
                e.name = it.key();
                e.uri = it.value()->uri();
                entries << e;
            }
        } catch (const QgsProviderConnectionException&) {
            // No readable connections: the list just has the services.
        }
    }
    std::sort(entries.begin(), entries.end(), [](const ConnectionEntry& a, const ConnectionEntry& b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    for (const QString& service : serviceNames()) {
        ConnectionEntry e;
        e.kind = ConnectionEntry::Kind::Service;
        e.name = service;
        entries << e;
    }
    return entries;
}

QString ConnectionList::conninfo(const ConnectionEntry& entry, QString* error)
{
    if (entry.kind == ConnectionEntry::Kind::Service)
        return QStringLiteral("service=") + libpqQuote(entry.name) +
               QStringLiteral(" application_name='pum QGIS plugin'");

    // QGIS writes the libpq string itself and, with expandAuthConfig, asks its
    // auth manager (which may prompt for the master password) to put the
    // configuration's credentials in: they stay in this string, in memory.
    // We don't include qgsauthmanager.h: it needs qtkeychain's headers, which
    // libqgis-dev does not pull in.
    const QgsDataSourceUri uri(entry.uri);
    const QString info = uri.connectionInfo(true);
    if (!uri.authConfigId().isEmpty() && !info.contains(QLatin1String("password=")) &&
        !info.contains(QLatin1String("sslcert=")) && !info.contains(QLatin1String("sslkey="))) {
        if (error)
            *error = tr("The authentication configuration %1 of connection %2 could not be read "
                        "(wrong master password, or the configuration was deleted).")
                         .arg(uri.authConfigId(), entry.name);
        return QString();
    }
    return info + QStringLiteral(" application_name='pum QGIS plugin'");
}

}  // namespace pumqgis
