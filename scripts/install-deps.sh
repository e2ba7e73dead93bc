#!/usr/bin/env bash
# Installs the Debian packages pum-native needs to build, test, run the demo
# and the benchmarks, by the names of the running suite: Debian 12 (bookworm)
# or Debian 13 (trixie). Safe to rerun: apt is skipped when everything is there.
#
#   scripts/install-deps.sh            core + QGIS plugin packages
#   PUM_SKIP_QGIS_DEPS=1 scripts/install-deps.sh   core packages only
#   PUM_QGIS_SUITE=bookworm-backports scripts/install-deps.sh   QGIS from there (in apt's sources)
set -euo pipefail

supported="Debian 12 (bookworm) and Debian 13 (trixie); Debian unstable (sid) as a preview"
codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}") || codename=""
# Unstable names itself after the next release in os-release; debian_version says sid.
[[ "$(cat /etc/debian_version 2>/dev/null)" != */sid ]] || codename=sid

# The newest major N for which the archive has package PREFIX-N (sid only: it moves).
newest_in_archive() {
  apt-cache pkgnames "$1-" 2>/dev/null | sed -n "s/^$1-\([0-9][0-9]*\)$/\1/p" | sort -n | tail -1
}

# What differs between the suites: PostgreSQL's major version, and the libFuzzer
# runtime of the suite's default clang (14 on bookworm, 19 on trixie).
case "$codename" in
  bookworm) SUITE_PACKAGES=(postgresql-15 postgresql-15-postgis-3 libclang-rt-14-dev) ;;
  trixie) SUITE_PACKAGES=(postgresql-17 postgresql-17-postgis-3 libclang-rt-19-dev) ;;
  sid)
    # Read from the archive's lists (fetched when there are none yet): the
    # default clang from the clang package's dependency, the newest PostgreSQL.
    if [[ -z "$(apt-cache pkgnames postgresql- 2>/dev/null | head -1)" ]]; then
      # As root, or through sudo as the packages are installed below.
      updater=(apt-get update)
      [[ $(id -u) -eq 0 ]] || updater=(sudo apt-get update)
      "${updater[@]}" >/dev/null || { echo "install-deps: apt-get update failed (as root, or with sudo)" >&2; exit 1; }
    fi
    pg=$(newest_in_archive postgresql)
    clang=$(apt-cache depends clang 2>/dev/null | sed -n 's/^ *Depends: clang-\([0-9][0-9]*\)$/\1/p' | head -1)
    [[ -n "$pg" && -n "$clang" ]] || { echo "install-deps: cannot read PostgreSQL's or clang's version from sid's lists" >&2; exit 1; }
    SUITE_PACKAGES=("postgresql-$pg" "postgresql-$pg-postgis-3" "libclang-rt-$clang-dev")
    ;;
  *)
    echo "install-deps: this system is '${codename:-unknown}'; supported: $supported" >&2
    exit 1
    ;;
esac

# Core engine, CLI, Python bindings, tests, benchmarks.
CORE_PACKAGES=(
  build-essential cmake pkg-config git
  "${SUITE_PACKAGES[@]}" libpq-dev
  libyaml-cpp-dev pybind11-dev python3-dev
  libgtest-dev libgmock-dev python3-psycopg python3-pytest python3-pip
  libcli11-dev nlohmann-json3-dev libbenchmark-dev
  libpg-query-dev  # PostgreSQL's own parser: the SQL splitter is cross-checked against it
  # scripts/sanitize.sh (gcc's ASan/UBSan runtimes come with build-essential),
  # scripts/fuzz.sh (libFuzzer: clang and its runtime), the fault suite (mount, runuser)
  clang util-linux mount
)

# QGIS plugin (QGIS 3.22 on bookworm, 3.40 on trixie; Qt 5 and Qt 6 builds, translations, headless GUI tests and screenshots).
QGIS_PACKAGES=(
  libqgis-dev qgis qgis-providers qtkeychain-qt5-dev
  qtbase5-dev qttools5-dev qttools5-dev-tools
  qt6-base-dev qt6-tools-dev-tools qt6-l10n-tools
  xvfb xauth x11-apps imagemagick
)

# Debian packages (scripts/package.sh: CPack's dpkg-shlibdeps needs file; lintian)
# and their clean-root test (tests/packaging/clean_root_test.sh: debootstrap).
PACKAGING_PACKAGES=(dpkg-dev file lintian debootstrap)

packages=("${CORE_PACKAGES[@]}" "${PACKAGING_PACKAGES[@]}")
if [[ "${PUM_SKIP_QGIS_DEPS:-0}" != 1 ]]; then
  packages+=("${QGIS_PACKAGES[@]}")
fi

# A package counts only when dpkg says "installed" (not "config-files" or half-installed).
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: apt-get not found: this script targets $supported" >&2
  exit 1
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "install-deps: not root and no sudo: install these packages by hand: ${missing[*]}" >&2
    exit 1
  fi
fi

# Through env so that sudo keeps it; no prompts, keep existing config files.
apt=("${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Options::=--force-confold)
if ! "${apt[@]}" update; then
  echo "install-deps: apt-get update failed (no access to the Debian archive?)" >&2
  exit 1
fi
# PUM_QGIS_SUITE (e.g. bookworm-backports, already in apt's sources): QGIS and
# what it needs from there, the rest from the suite itself.
target=()
[[ -z "${PUM_QGIS_SUITE:-}" ]] || target=(-t "$PUM_QGIS_SUITE")
if [[ ${#target[@]} -gt 0 && "${PUM_SKIP_QGIS_DEPS:-0}" != 1 ]]; then
  if ! "${apt[@]}" install -y --no-install-recommends "${target[@]}" "${QGIS_PACKAGES[@]}"; then
    echo "install-deps: apt-get install -t $PUM_QGIS_SUITE failed for: ${QGIS_PACKAGES[*]}" >&2
    exit 1
  fi
fi
if ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; then
  echo "install-deps: apt-get install failed for: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: done"
