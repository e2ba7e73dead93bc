#!/usr/bin/env bash
# The README's two commands in another Debian, as a new user would run them:
# a fresh debootstrap root of SUITE, a clean clone of this repository's HEAD in
# it, then scripts/install-deps.sh and scripts/demo.sh or scripts/test.sh.
#
#   scripts/in-root.sh SUITE demo|test [extra scripts/test.sh arguments...]   (as root)
#   scripts/in-root.sh SUITE packages  (scripts/package.sh, then their clean-root test in a root of SUITE)
#   scripts/in-root.sh SUITE prepare   (packages installed, nothing built; the root kept)
#   e.g. scripts/in-root.sh trixie test; SUITE bookworm-backports is Debian 12 with
#   QGIS from its backports (scripts/in-root.sh bookworm-backports packages)
#
# Only committed work is tested (the clone is of HEAD). ../shared beside this
# checkout (pum's reference suite) is copied beside the clone, where the tests
# look for it. PUM_BUILD_JOBS, PUM_CTEST_JOBS and PUM_REQUIRE_ALL_TESTS are
# passed through. Cached in PUM_ROOTS_CACHE (default /var/cache/pum-roots): the
# minbase root of each suite as a tarball, apt's downloaded packages and lists,
# so only the first run of a suite downloads it. PUM_KEEP_ROOT=1 leaves the
# root (unmounted) for a look afterwards and prints where it is; PUM_ROOT=DIR
# runs in such a kept root again (its packages installed, the clone moved to HEAD).
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${PUM_ROOTS_CACHE:-/var/cache/pum-roots}
mirror=${PUM_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${PUM_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
t0=$(date +%s)

log() { echo "in-root: [$(($(date +%s) - t0)) s] $*"; }
fail() { echo "in-root: $*" >&2; exit 1; }

[[ $# -ge 2 ]] || fail "usage: scripts/in-root.sh SUITE demo|test|packages|prepare [ctest arguments...] (e.g. trixie test)"
suite=$1 command=$2
# bookworm-backports: Debian 12 with QGIS from its backports (3.40 LTR), as most
# Debian 12 users run it; the packages' clean-root test then uses backports too.
name=$suite qgis_suite=""
if [[ "$suite" == *-backports ]]; then
  qgis_suite=$suite
  suite=${suite%-backports}
fi
shift 2
[[ "$command" =~ ^(demo|test|packages|prepare)$ ]] || fail "unknown command '$command': demo, test, packages or prepare"
# prepare: the root with the clone and its packages installed, kept to work in.
[[ "$command" != prepare ]] || export PUM_KEEP_ROOT=1
[[ $(id -u) -eq 0 ]] || fail "must run as root (debootstrap, mount, chroot)"
[[ -f /usr/share/debootstrap/scripts/$suite ]] || fail "debootstrap does not know the suite '$suite'"
command -v debootstrap >/dev/null || fail "debootstrap not found (scripts/install-deps.sh installs it)"
head=$(git -C "$source_dir" rev-parse HEAD) || fail "$source_dir is not a git checkout"

# --- the cached minbase root --------------------------------------------------
source "$source_dir/scripts/lib/debian_root.sh"
mkdir -p "$cache/apt-archives-$suite/partial" "$cache/lists-$name/partial"
base=$(debian_root_base "$suite" "$cache" "$mirror") || fail "no $suite minbase root"

# PUM_ROOT: a root kept by an earlier run (prepare) is reused: packages stay,
# the clone moves to this HEAD, and the root is kept again afterwards.
if [[ -n "${PUM_ROOT:-}" ]]; then
  root=$(cd "$PUM_ROOT" && pwd) || fail "PUM_ROOT=$PUM_ROOT does not exist"
  [[ -d "$root/src/pum-native/.git" ]] || fail "$root is not a root made by scripts/in-root.sh (no /src/pum-native)"
  export PUM_KEEP_ROOT=1
else
  root=$(mktemp -d "/var/tmp/pum-root-$name.XXXXXX")
fi
cleanup() {
  local rc=$?
  debian_root_unmount
  if [[ "${PUM_KEEP_ROOT:-0}" == 1 ]]; then
    echo "in-root: the root is kept in $root (remove it with rm -rf --one-file-system)"
  else
    # --one-file-system: never into a mount that failed to go away.
    rm -rf --one-file-system "$root"
  fi
  [[ $rc -eq 0 ]] || echo "in-root: FAILED (exit $rc)" >&2
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
[[ -n "${PUM_ROOT:-}" ]] || tar -C "$root" -xf "$base"
debian_root_mount "$root" proc -t proc proc
debian_root_mount "$root" sys --bind /sys
debian_root_mount "$root" dev --bind /dev
debian_root_mount "$root" dev/pts -t devpts -o newinstance,ptmxmode=0666 devpts
debian_root_mount "$root" dev/shm -t tmpfs tmpfs
debian_root_mount "$root" var/cache/apt/archives --bind "$cache/apt-archives-$suite"
debian_root_mount "$root" var/lib/apt/lists --bind "$cache/lists-$name"
# The packages' clean-root test makes its own root in there: cached here too.
mkdir -p "$cache/clean-root-$suite"
debian_root_mount "$root" var/cache/pum-ci --bind "$cache/clean-root-$suite"
debian_root_apt "$root" "$suite" "$mirror" "$security_mirror" ${qgis_suite:+"$qgis_suite"}

# A clean clone of HEAD, and pum's reference suite where the tests look for it.
mkdir -p "$root/src"
[[ -d "$root/src/pum-native/.git" ]] || git clone -q "$source_dir" "$root/src/pum-native"
git -C "$root/src/pum-native" fetch -q "$source_dir" "$head"
git -C "$root/src/pum-native" checkout -q --detach "$head"
if [[ -d "$root/src/shared" ]]; then
  :
elif [[ -d "$source_dir/../shared" ]]; then
  cp -a "$source_dir/../shared" "$root/src/shared"
else
  log "no ../shared beside $source_dir: pum's reference suite will be missing"
fi
log "root ready in $root (clone of $head)"

inroot() {  # a clean environment: only what the scripts document is passed
  local env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive PUM_BUILD_JOBS="${PUM_BUILD_JOBS:-2}")
  local v
  for v in PUM_CTEST_JOBS PUM_REQUIRE_ALL_TESTS; do
    [[ -z "${!v:-}" ]] || env+=("$v=${!v}")
  done
  [[ -z "$qgis_suite" ]] || env+=("PUM_QGIS_SUITE=$qgis_suite" "PUM_CLEAN_ROOT_EXTRA=$qgis_suite")
  chroot "$root" /usr/bin/env -i "${env[@]}" bash -c 'cd /src/pum-native && "$@"' in-root "$@"
}
timed() {  # timed NAME COMMAND...: runs it in the root, logs its duration
  local name=$1 start=$SECONDS
  shift
  log "$name: $*"
  inroot "$@"
  log "$name: done in $((SECONDS - start)) s"
}

# Apt first: minbase has neither git nor sudo; install-deps.sh runs as root here.
timed install-deps scripts/install-deps.sh
if [[ "$command" == prepare ]]; then
  log "$name prepared: chroot $root, the clone in /src/pum-native"
  exit 0
fi
if [[ "$command" == packages ]]; then
  timed packages env PUM_SKIP_DEPS=1 scripts/package.sh
  timed clean-root tests/packaging/clean_root_test.sh build-pkg/packages
  log "$name packages: passed"
  exit 0
fi
timed build scripts/build.sh
if [[ "$command" == test ]]; then
  timed test env PUM_SKIP_DEPS=1 scripts/test.sh "$@"
else
  timed demo env PUM_SKIP_DEPS=1 PUM_SKIP_BUILD=1 scripts/demo.sh
fi
log "$name $command: passed"
