#include "module_archive.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <limits>

#include "qgsziputils.h"

#include "pum/sql/changelog.h"
#include "pum/module/config.h"
#include "pum/base/error.h"

namespace pumqgis {

namespace {

quint64 readLe(const QByteArray& data, int at, int bytes)
{
    quint64 value = 0;
    for (int i = bytes - 1; i >= 0; --i)
        value = (value << 8) | static_cast<unsigned char>(data[at + i]);
    return value;
}

constexpr quint32 eocdSignature = 0x06054b50;
constexpr quint32 zip64LocatorSignature = 0x07064b50;
constexpr quint32 zip64EocdSignature = 0x06064b50;
constexpr quint32 centralEntrySignature = 0x02014b50;
constexpr int eocdSize = 22;
constexpr int centralEntrySize = 46;

// Where the central directory is and how many entries it has, from the end
// of central directory record (or its ZIP64 form).
struct Directory {
    quint64 offset = 0;
    quint64 size = 0;
    quint64 count = 0;
};

std::optional<Directory> findDirectory(QFile& file)
{
    const qint64 fileSize = file.size();
    // The record ends the file, followed only by a comment of at most 65535 bytes.
    const qint64 tailSize = std::min<qint64>(fileSize, eocdSize + 0xFFFF);
    if (tailSize < eocdSize || !file.seek(fileSize - tailSize))
        return std::nullopt;
    const QByteArray tail = file.read(tailSize);
    for (int at = tail.size() - eocdSize; at >= 0; --at) {
        if (readLe(tail, at, 4) != eocdSignature)
            continue;
        Directory dir{readLe(tail, at + 16, 4), readLe(tail, at + 12, 4), readLe(tail, at + 10, 2)};
        const bool zip64 = dir.offset == 0xFFFFFFFF || dir.count == 0xFFFF || dir.size == 0xFFFFFFFF;
        if (!zip64)
            return dir;
        const qint64 locatorAt = fileSize - tailSize + at - 20;
        if (locatorAt < 0 || !file.seek(locatorAt))
            return std::nullopt;
        const QByteArray locator = file.read(20);
        if (locator.size() != 20 || readLe(locator, 0, 4) != zip64LocatorSignature)
            return std::nullopt;
        if (!file.seek(static_cast<qint64>(readLe(locator, 8, 8))))
            return std::nullopt;
        const QByteArray record = file.read(56);
        if (record.size() != 56 || readLe(record, 0, 4) != zip64EocdSignature)
            return std::nullopt;
        return Directory{readLe(record, 48, 8), readLe(record, 40, 8), readLe(record, 32, 8)};
    }
    return std::nullopt;
}

// The uncompressed size from an entry's ZIP64 extra field (it comes first there).
quint64 zip64Size(const QByteArray& extra)
{
    for (int at = 0; at + 4 <= extra.size();) {
        const quint64 id = readLe(extra, at, 2);
        const int length = static_cast<int>(readLe(extra, at + 2, 2));
        if (id == 0x0001 && length >= 8 && at + 4 + 8 <= extra.size())
            return readLe(extra, at + 4, 8);
        at += 4 + length;
    }
    return std::numeric_limits<quint64>::max();
}

QString contentHash(const QString& path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return QString();
    return QString::fromLatin1(hash.result().toHex().left(16));
}

// The first path component all entries share, or empty.
QString commonTopFolder(const QList<ZipEntry>& entries)
{
    QString top;
    for (const ZipEntry& e : entries) {
        const int slash = e.name.indexOf(QLatin1Char('/'));
        if (slash <= 0)
            return QString();
        const QString first = e.name.left(slash);
        if (!top.isEmpty() && first != top)
            return QString();
        top = first;
    }
    return top;
}

bool isConfigEntry(const ZipEntry& e)
{
    return e.name == QLatin1String(".pum.yaml") || e.name.endsWith(QLatin1String("/.pum.yaml"));
}

}  // namespace

bool ModuleArchive::isArchivePath(const QString& path)
{
    return path.trimmed().endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
}

QString ModuleArchive::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/pum/modules");
}

QString ModuleArchive::unsafeReason(const QString& name)
{
    if (name.contains(QChar(0)))
        return tr("a NUL character in the name");
    QString path = name;
    path.replace(QLatin1Char('\\'), QLatin1Char('/'));  // zips made on Windows
    if (path.startsWith(QLatin1Char('/')))
        return tr("an absolute path");
    if (path.size() >= 2 && path[1] == QLatin1Char(':'))
        return tr("a drive letter");
    for (const QString& part : path.split(QLatin1Char('/')))
        if (part == QLatin1String(".."))
            return tr("a \"..\" component, outside of the folder it is unpacked to");
    return QString();
}

std::optional<QList<ZipEntry>> ModuleArchive::entries(const QString& zipFile, QString* error)
{
    QFile file(zipFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2.").arg(zipFile, file.errorString());
        return std::nullopt;
    }
    const auto dir = findDirectory(file);
    if (!dir || !file.seek(static_cast<qint64>(dir->offset)) || dir->size > 256ull * 1024 * 1024) {
        *error = tr("%1 is not a zip archive (no zip directory at its end).").arg(zipFile);
        return std::nullopt;
    }
    if (dir->count > static_cast<quint64>(maxEntries)) {
        *error = tr("%1 holds %2 files, more than the %3 a module archive may hold.")
                     .arg(zipFile).arg(dir->count).arg(maxEntries);
        return std::nullopt;
    }
    const QByteArray data = file.read(static_cast<qint64>(dir->size));
    QList<ZipEntry> list;
    int at = 0;
    for (quint64 i = 0; i < dir->count; ++i) {
        if (at + centralEntrySize > data.size() || readLe(data, at, 4) != centralEntrySignature) {
            *error = tr("%1 is not a zip archive (its directory is damaged at entry %2).").arg(zipFile).arg(i + 1);
            return std::nullopt;
        }
        const bool utf8 = readLe(data, at + 8, 2) & 0x0800;
        const int nameLength = static_cast<int>(readLe(data, at + 28, 2));
        const int extraLength = static_cast<int>(readLe(data, at + 30, 2));
        const int commentLength = static_cast<int>(readLe(data, at + 32, 2));
        if (at + centralEntrySize + nameLength + extraLength + commentLength > data.size()) {
            *error = tr("%1 is not a zip archive (its directory is damaged at entry %2).").arg(zipFile).arg(i + 1);
            return std::nullopt;
        }
        const QByteArray rawName = data.mid(at + centralEntrySize, nameLength);
        ZipEntry entry;
        entry.name = utf8 ? QString::fromUtf8(rawName) : QString::fromLatin1(rawName);
        entry.size = readLe(data, at + 24, 4);
        if (entry.size == 0xFFFFFFFF)
            entry.size = zip64Size(data.mid(at + centralEntrySize + nameLength, extraLength));
        list << entry;
        at += centralEntrySize + nameLength + extraLength + commentLength;
    }
    return list;
}

std::optional<ArchiveModule> ModuleArchive::open(const QString& zipFile, QString* error, const QString& cacheDir)
{
    const QString archive = QFileInfo(zipFile).absoluteFilePath();
    if (!QFileInfo(archive).isFile()) {
        *error = tr("The module archive %1 does not exist.").arg(archive);
        return std::nullopt;
    }
    const auto list = entries(archive, error);
    if (!list)
        return std::nullopt;

    quint64 total = 0;
    QStringList configs;
    for (const ZipEntry& e : *list) {
        const QString unsafe = unsafeReason(e.name);
        if (!unsafe.isEmpty()) {
            *error = tr("%1 is refused: its entry \"%2\" has %3.").arg(archive, e.name, unsafe);
            return std::nullopt;
        }
        total += std::min(e.size, maxUnpackedBytes + 1);
        if (isConfigEntry(e))
            configs << e.name;
    }
    if (total > maxUnpackedBytes) {
        *error = tr("%1 is refused: unpacked it would take more than %2 MiB.").arg(archive).arg(maxUnpackedBytes >> 20);
        return std::nullopt;
    }
    if (configs.isEmpty()) {
        *error = tr("%1 holds no .pum.yaml: it is not a pum module archive.").arg(archive);
        return std::nullopt;
    }
    if (configs.size() > 1) {
        configs.sort();
        *error = tr("%1 holds several modules, one .pum.yaml is expected: %2.").arg(archive, configs.join(QStringLiteral(", ")));
        return std::nullopt;
    }

    const QString hash = contentHash(archive);
    const QString cache = cacheDir.isEmpty() ? defaultCacheDir() : cacheDir;
    const QString target = cache + QLatin1Char('/') + QFileInfo(archive).completeBaseName() + QLatin1Char('-') + hash;
    ArchiveModule module;
    module.archive = archive;
    module.reused = QFileInfo(target).isDir();
    if (!module.reused) {
        // Unpacked beside the target then renamed: a half-unpacked folder
        // (QGIS closed meanwhile, disk full) is never taken for a complete one.
        if (!QDir().mkpath(cache)) {
            *error = tr("Cannot create the cache folder %1.").arg(cache);
            return std::nullopt;
        }
        QTemporaryDir staging(cache + QStringLiteral("/.unpack-XXXXXX"));
        QStringList files;
        if (!staging.isValid() || !QgsZipUtils::unzip(archive, staging.path(), files)) {
            *error = tr("Cannot unpack %1 into %2.").arg(archive, cache);
            return std::nullopt;
        }
        if (QDir().rename(staging.path(), target))
            staging.setAutoRemove(false);
        else if (!QFileInfo(target).isDir()) {  // not another QGIS unpacking the same archive at once
            *error = tr("Cannot move the unpacked archive to %1.").arg(target);
            return std::nullopt;
        }
    }

    const QString top = commonTopFolder(*list);
    module.root = top.isEmpty() ? target : target + QLatin1Char('/') + top;
    const QString configEntry = configs.first();
    module.moduleDir = QFileInfo(target + QLatin1Char('/') + configEntry).absolutePath();
    try {
        const pum::Config config = pum::Config::load(module.moduleDir.toStdString());
        module.moduleName = QString::fromStdString(config.module);
        const auto changelogs = pum::loadChangelogs(config);
        if (!changelogs.empty())
            module.newestVersion = QString::fromStdString(changelogs.back().version.toString());
    } catch (const std::exception& e) {
        *error = tr("The module in %1 (%2) cannot be read: %3").arg(archive, configEntry, QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    return module;
}

}  // namespace pumqgis
