#pragma once
// The databases a user can pick: QGIS's saved PostgreSQL connections and the
// services of pg_service.conf, in one list.
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace pumqgis {

struct ConnectionEntry {
    enum class Kind { Qgis, Service };
    Kind kind = Kind::Qgis;
    QString name;      // connection or service name
    QString uri;       // QgsDataSourceUri text (Qgis), with authcfg unresolved
    QString label() const;
};

class ConnectionList {
    Q_DECLARE_TR_FUNCTIONS(pumqgis::ConnectionList)
public:
    // QGIS's saved PostgreSQL connections (sorted), then the pg_service entries.
    static QList<ConnectionEntry> load();
    // Section names of the pg_service files libpq reads: $PGSERVICEFILE or
    // ~/.pg_service.conf, and $PGSYSCONFDIR/pg_service.conf.
    static QStringList serviceNames();
    // The libpq key=value string for `entry`, with an authentication
    // configuration resolved through QGIS's auth manager. Kept in memory only;
    // must run on the UI thread (the auth manager may ask for its master
    // password). Returns an empty string and sets `error` on failure.
    static QString conninfo(const ConnectionEntry& entry, QString* error);
};

// Quotes a value for a libpq key=value string.
QString libpqQuote(const QString& value);

}  // namespace pumqgis
