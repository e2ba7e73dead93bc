#pragma once
// A module opened from the .zip a module project publishes for a release:
// checked, unpacked once to a cache folder, the folder holding its .pum.yaml found.
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace pumqgis {

struct ArchiveModule {
    QString archive;        // the .zip (absolute)
    QString root;           // the archive's top folder once unpacked (or the unpack folder itself)
    QString moduleDir;      // the folder holding the .pum.yaml
    QString moduleName;     // pum.module
    QString newestVersion;  // newest changelog version; empty when the module has none
    bool reused = false;    // the cache folder of an earlier unpack of the same archive
};

// One entry of a zip's central directory.
struct ZipEntry {
    QString name;
    quint64 size = 0;  // uncompressed
};

class ModuleArchive {
    Q_DECLARE_TR_FUNCTIONS(pumqgis::ModuleArchive)
public:
    // What the archive may hold at most, unpacked: refused beyond (a zip bomb
    // would otherwise fill the cache's disk).
    static constexpr quint64 maxUnpackedBytes = 1024ull * 1024 * 1024;
    static constexpr int maxEntries = 50000;

    // A path the module field treats as an archive: ends in .zip.
    static bool isArchivePath(const QString& path);
    // <CacheLocation>/pum/modules.
    static QString defaultCacheDir();

    // Opens `zipFile`: checks its entries (a zip, no unsafe path, exactly one
    // .pum.yaml), unpacks it to `cacheDir` (default: defaultCacheDir()) under
    // "<archive name>-<hash of its content>", or reuses that folder when it is
    // already there, then reads the module's name and newest version. Returns
    // nothing and sets `error` (naming the archive) on failure.
    static std::optional<ArchiveModule> open(const QString& zipFile, QString* error,
                                             const QString& cacheDir = QString());

    // The entries of a zip's central directory (read, nothing unpacked).
    // Returns nothing and sets `error` when the file is not a zip archive.
    static std::optional<QList<ZipEntry>> entries(const QString& zipFile, QString* error);

    // Why `name` (an entry of a zip) may not be unpacked: absolute, a drive
    // letter, a `..` component, a NUL byte. Empty when safe.
    static QString unsafeReason(const QString& name);
};

}  // namespace pumqgis
