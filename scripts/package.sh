#!/usr/bin/env bash
# Builds the Debian 12 packages from this tree with CPack's DEB generator
# (cmake/Packaging.cmake) and checks them with lintian:
#   pum              /usr/bin/pum, libpum, the Python hook runner, pum(1), bash completion
#   python3-pum      `import pum` for /usr/bin/python3
#   qgis-plugin-pum  the QGIS plugin, for the QGIS version it is built against
#
#   scripts/package.sh          -> build-pkg/packages/*.deb
# Environment: PUM_PACKAGE_BUILD_DIR (default build-pkg), PUM_JOBS (default: all
# cores), PUM_SKIP_DEPS=1 (do not run scripts/install-deps.sh), PUM_DEB_REVISION.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=${PUM_PACKAGE_BUILD_DIR:-build-pkg}
jobs=${PUM_JOBS:-$(nproc)}

if [[ "${PUM_SKIP_DEPS:-0}" != 1 ]]; then
  scripts/install-deps.sh
fi

# Reproducible: the changelog's date (and CPack's archives) follow the last commit.
if [[ -z "${SOURCE_DATE_EPOCH:-}" ]] && git rev-parse --git-dir >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
  export SOURCE_DATE_EPOCH
fi

# /usr prefix, the Python package where /usr/bin/python3 looks, no RPATH
# (everything is in the linker's default path; lintian refuses custom ones).
cmake -S . -B "$build" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX=/usr \
  -DCMAKE_SKIP_INSTALL_RPATH=ON \
  -DPython3_EXECUTABLE=/usr/bin/python3 \
  -DPUM_PYTHON_INSTALL_DIR=lib/python3/dist-packages \
  -DPUM_BUILD_PYTHON=ON -DPUM_BUILD_PLUGIN=ON \
  -DPUM_BUILD_TESTS=OFF -DPUM_BUILD_BENCHMARKS=OFF \
  -DPUM_DEB_REVISION="${PUM_DEB_REVISION:-1}"
cmake --build "$build" -j "$jobs"

rm -rf "$build/packages"
(cd "$build" && cpack -G DEB)

# All three, or the build quietly left a part out (QGIS or Python not found).
expected=(pum python3-pum qgis-plugin-pum)
for name in "${expected[@]}"; do
  if ! compgen -G "$build/packages/${name}_*.deb" >/dev/null; then
    echo "package: ${name}_*.deb was not built (see the configure messages above: a part was skipped)" >&2
    exit 1
  fi
done

if ! command -v lintian >/dev/null 2>&1; then
  echo "package: lintian not found (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
# Errors fail; warnings are printed.
lintian --fail-on error --no-tag-display-limit "$build"/packages/*.deb

echo "package: built into $build/packages:"
for deb in "$build"/packages/*.deb; do
  dpkg-deb --field "$deb" Package Version Depends | sed 's/^/  /'
done
