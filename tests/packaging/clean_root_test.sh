#!/usr/bin/env bash
# The Debian packages in a clean Debian root (debootstrap --variant=minbase) of
# the suite they were built on, as an administrator installs them: only what
# they declare comes with them.
#
#   tests/packaging/clean_root_test.sh [PACKAGES_DIR]    (as root; default build-pkg/packages)
#
# 1. pum alone, without its dependencies, must not run (the root is clean, so a
#    dependency missing from Depends fails this test); then pum and python3-pum
#    through apt: `pum --version`, the man page, the completion, `import pum`
#    for /usr/bin/python3, `pum -p SERVICE -d examples/signage install` against
#    a throwaway cluster on the host (reached over TCP), and a Python hook that
#    gets pum-native's `pum` although pip's place (/usr/local) holds another.
# 2. qgis-plugin-pum through apt (QGIS with it), then QGIS under Xvfb: the plugin
#    loaded from the system plugin folder, its entry in the Database menu.
#    QGIS's next point release (a stand-in in a local repository): apt upgrade
#    keeps QGIS back, apt full-upgrade removes the plugin; never a plugin left
#    that QGIS cannot load.
# 3. apt-get purge: no file of ours left.
# Cached between runs in PUM_CI_CACHE (default /var/cache/pum-ci): the minbase
# root as a tarball, apt's downloaded packages and lists.
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
packages=$(cd "${1:-$source_dir/build-pkg/packages}" && pwd)
cache=${PUM_CI_CACHE:-/var/cache/pum-ci}
mirror=${PUM_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${PUM_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
# The suite of the system that built the packages (Debian 12 or 13), unless
# PUM_CLEAN_ROOT_SUITE names another; PUM_CLEAN_ROOT_EXTRA adds suites to its
# sources (bookworm-backports for a plugin built against QGIS 3.40 there).
suite=${PUM_CLEAN_ROOT_SUITE:-$(. /etc/os-release && echo "$VERSION_CODENAME")}
read -r -a extra_suites <<<"${PUM_CLEAN_ROOT_EXTRA:-}"
t0=$(date +%s)

log() { echo "clean-root: [$(( $(date +%s) - t0 )) s] $*"; }
fail() { echo "clean-root: FAILED: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "must run as root (debootstrap, chroot, mounts)"
deb() {  # deb NAME: the one package file of that name
  local found=("$packages/$1"_*.deb)
  [[ -f "${found[0]}" && ${#found[@]} -eq 1 ]] || fail "expected one $packages/$1_*.deb (scripts/package.sh builds them)"
  echo "${found[0]}"
}
pum_deb=$(deb pum)
python_deb=$(deb python3-pum)
plugin_deb=$(deb qgis-plugin-pum)
version=$(dpkg-deb --field "$pum_deb" Version)
arch=$(dpkg --print-architecture)

# --- the cached minbase root --------------------------------------------------
source "$source_dir/scripts/lib/debian_root.sh"
lists="$cache/apt-lists-$suite${extra_suites[*]:+-${extra_suites[*]// /-}}"
mkdir -p "$cache/apt-archives-$suite/partial" "$lists/partial"
host_suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
if [[ ! -f "$cache/$suite-minbase-$arch.tar" && "$suite" == "$host_suite" ]]; then
  # First run on this machine: start apt's cache from the host's, same suite.
  find /var/cache/apt/archives -maxdepth 1 -name '*.deb' -exec cp -lnt "$cache/apt-archives-$suite" {} + 2>/dev/null || true
fi
base=$(debian_root_base "$suite" "$cache" "$mirror") || fail "no $suite minbase root"

root=$(mktemp -d /var/tmp/pum-clean-root.XXXXXX)
envfile="$root.cluster.env"
cleanup() {
  debian_root_unmount
  # --one-file-system: never into a mount that failed to go away.
  rm -rf --one-file-system "$root"
  "$source_dir/tests/support/pg_test_cluster.sh" stop "$envfile" >/dev/null 2>&1 || true
}
trap cleanup EXIT
tar -C "$root" -xf "$base"
debian_root_mount "$root" proc -t proc proc
debian_root_mount "$root" dev/shm -t tmpfs tmpfs
debian_root_mount "$root" dev/pts -t devpts -o newinstance,ptmxmode=0666 devpts
debian_root_mount "$root" var/cache/apt/archives --bind "$cache/apt-archives-$suite"
debian_root_mount "$root" var/lib/apt/lists --bind "$lists"
[[ -c "$root/dev/null" ]] || fail "the minbase root has no /dev/null (remove $base to rebuild it)"
debian_root_apt "$root" "$suite" "$mirror" "$security_mirror" "${extra_suites[@]}"

inroot() {
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
apt_in() { inroot apt-get -q -y -o Dpkg::Use-Pty=0 --no-install-recommends "$@"; }
# Paths with "pum" in them, outside what the test itself put there.
ours_on_disk() {
  (cd "$root" && find . -xdev \( -path ./proc -o -path ./tmp -o -path ./var/cache/apt -o -path ./var/lib/apt/lists \
    -o -path ./dev \) -prune -o -ipath '*pum*' -print | sort)
}
before_install=$(ours_on_disk)

mkdir -p "$root/tmp/pkgs"
cp "$pum_deb" "$python_deb" "$plugin_deb" "$root/tmp/pkgs/"
cp -r "$source_dir/examples/signage" "$source_dir/tests/packaging/data/hooked_module" "$root/tmp/"
cp "$source_dir/tests/packaging/qgis_check.py" "$root/tmp/"
log "root ready in $root"
inroot apt-get -q update >/dev/null || fail "apt-get update in the root failed"

# --- 1. the command and the Python module ----------------------------------------
inroot dpkg --force-depends -i "/tmp/pkgs/$(basename "$pum_deb")" >/dev/null 2>&1 || true
if inroot pum --version >/dev/null 2>&1; then
  fail "pum runs in the root without any of its dependencies: the root is not clean, a missing Depends would go unnoticed"
fi
log "ok: pum does not run without its dependencies ($(inroot pum --version 2>&1 | head -1))"
inroot dpkg --purge pum >/dev/null
apt_in install "/tmp/pkgs/$(basename "$pum_deb")" "/tmp/pkgs/$(basename "$python_deb")" >"$root.apt1.log" 2>&1 ||
  { tail -30 "$root.apt1.log"; fail "apt-get install pum python3-pum"; }
log "installed pum and python3-pum with their dependencies"

got=$(inroot pum --version) || fail "pum --version"
[[ "$got" == "pum ${version%-*}" ]] || fail "pum --version says '$got', the package is $version"
log "ok: pum --version: $got"

# Every ELF file of ours finds all its libraries.
check_libraries() {
  local file missing
  for file in $(inroot dpkg -L "$@"); do
    [[ -f "$root$file" && ! -L "$root$file" ]] || continue
    head -c 4 "$root$file" | grep -q 'ELF' || continue
    missing=$(inroot ldd "$file" | grep 'not found' || true)
    [[ -z "$missing" ]] || fail "$file: $missing (a dependency is not declared)"
  done
}
check_libraries pum python3-pum
log "ok: every library of pum and python3-pum is there"

file=$(inroot /usr/bin/python3 -c "import pum; from pum import HookBase; print(pum.__file__)") ||
  fail "/usr/bin/python3 -c 'import pum; from pum import HookBase'"
[[ "$file" == /usr/lib/python3/dist-packages/pum/__init__.py ]] || fail "import pum found $file"
log "ok: import pum; from pum import HookBase ($file)"

zcat "$root/usr/share/man/man1/pum.1.gz" | grep -q '^\.SS "pum install"' || fail "pum(1) has no 'pum install' section"
zcat "$root/usr/share/man/man1/pum.1.gz" | grep -q 'skip\\-drop\\-app' || fail "pum(1) lacks install's --skip-drop-app"
log "ok: pum(1) installed, with the commands and their flags"

# The throwaway cluster, on the host; the root reaches it over TCP.
"$source_dir/tests/support/pg_test_cluster.sh" start "$envfile" >/dev/null
# shellcheck disable=SC1090
source "$envfile"
psql=("$PUM_PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U postgres)
"${psql[@]}" -d postgres -c "CREATE DATABASE pum_pkg_signage TEMPLATE $PUM_TEST_TEMPLATE" \
  -c "CREATE DATABASE pum_pkg_hooks"
mkdir -p "$root/etc/postgresql-common"
cat >"$root/etc/postgresql-common/pg_service.conf" <<EOF
[pum_ci]
host=127.0.0.1
port=$PGPORT
user=postgres
dbname=pum_pkg_signage

[pum_ci_hooks]
host=127.0.0.1
port=$PGPORT
user=postgres
dbname=pum_pkg_hooks
EOF

completion() {  # completion WORD...: what bash completes for the last word
  inroot bash -c 'source /usr/share/bash-completion/completions/pum; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _pum; echo "${COMPREPLY[*]}"' _ "$@"
}
[[ "$(completion pum ro)" == role ]] || fail "completion of 'pum ro': '$(completion pum ro)'"
[[ "$(completion pum -p pum_ci)" == "pum_ci pum_ci_hooks" ]] || fail "completion of services: '$(completion pum -p pum_ci)'"
[[ "$(completion pum install --skip-d)" == --skip-drop-app ]] || fail "completion of install's flags: '$(completion pum install --skip-d)'"
log "ok: bash completion (commands, flags, services of pg_service.conf)"

inroot pum -p pum_ci -d /tmp/signage install >"$root.signage.log" 2>&1 || { cat "$root.signage.log"; fail "pum install of examples/signage"; }
installed=$("${psql[@]}" -d pum_pkg_signage -c "SELECT max(version) FROM public.pum_migrations")
[[ -n "$installed" ]] || fail "no version recorded in pum_pkg_signage"
log "ok: pum -p pum_ci -d examples/signage install ($installed recorded)"

# Another `pum` where pip puts it, ahead of dist-packages on sys.path.
local_site=$(inroot /usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
mkdir -p "$root$local_site"
cp -r "$source_dir/tests/packaging/data/other_pum/pum" "$root$local_site/"
[[ "$(inroot /usr/bin/python3 -c 'import pum; print(pum.__file__)')" == "$local_site/pum/__init__.py" ]] ||
  fail "the other pum in $local_site does not come first on sys.path: this check would prove nothing"
inroot pum -p pum_ci_hooks -d /tmp/hooked_module install >"$root.hooks.log" 2>&1 || { cat "$root.hooks.log"; fail "install of a module with a Python hook"; }
hook_pum=$("${psql[@]}" -d pum_pkg_hooks -c "SELECT file FROM pkgtest.hook_pum")
[[ "$hook_pum" == /usr/lib/python3/dist-packages/pum/__init__.py ]] || fail "the hook got $hook_pum"
rm -rf "${root:?}$local_site/pum"
log "ok: with another pum in $local_site, the Python hook got pum-native's"

# --- 2. the QGIS plugin -------------------------------------------------------------
# From the extra suite first when there is one: QGIS 3.40 on Debian 12 is bookworm-backports'.
target_release=()
[[ ${#extra_suites[@]} -eq 0 ]] || target_release=(-t "${extra_suites[0]}")
apt_in install "${target_release[@]}" "/tmp/pkgs/$(basename "$plugin_deb")" >"$root.apt2.log" 2>&1 ||
  { tail -30 "$root.apt2.log"; fail "apt-get install qgis-plugin-pum"; }
check_libraries qgis-plugin-pum
qgis_version=$(inroot dpkg-query -W -f='${Version}' qgis)
log "ok: qgis-plugin-pum installed with QGIS $qgis_version, every library found"
# The test's own tools, after the plugin's dependencies were checked.
apt_in install xvfb xauth >"$root.apt3.log" 2>&1 || { tail -30 "$root.apt3.log"; fail "apt-get install xvfb xauth"; }

# QGIS reads PROFILES_PATH/profiles/default/QGIS/QGIS3.ini.
mkdir -p "$root/tmp/qgis/profiles/default/QGIS"
cat >"$root/tmp/qgis/profiles/default/QGIS/QGIS3.ini" <<'INI'
[Plugins]
libpumplugin=true

[qgis]
checkVersion=false
showTips322=false
migration\fileVersion=3
INI
inroot env PUM_PKG_QGIS_OUT=/tmp/qgis.out QT_QPA_PLATFORM=xcb XDG_RUNTIME_DIR=/tmp \
  timeout 240 xvfb-run -a -s "-screen 0 1280x1024x24" \
  qgis --nologo --noversioncheck --profiles-path /tmp/qgis --code /tmp/qgis_check.py \
  >"$root.qgis.log" 2>&1 || true
[[ -f "$root/tmp/qgis.out" ]] || { tail -40 "$root.qgis.log"; fail "QGIS did not run the check (log above)"; }
grep -q '^plugin_file=/usr/lib/qgis/plugins/libpumplugin.so$' "$root/tmp/qgis.out" ||
  { cat "$root/tmp/qgis.out"; tail -20 "$root.qgis.log"; fail "QGIS did not load the plugin from /usr/lib/qgis/plugins"; }
grep -q '^menu_entry=Datamodel manager (pum)' "$root/tmp/qgis.out" ||
  { cat "$root/tmp/qgis.out"; fail "no 'Datamodel manager (pum)' entry in the Database menu"; }
log "ok: QGIS loaded /usr/lib/qgis/plugins/libpumplugin.so, Database > Datamodel manager (pum) is there"

our_files=$(inroot dpkg -L pum python3-pum qgis-plugin-pum)

# --- 2b. QGIS's next point release --------------------------------------------------
# The plugin links one QGIS release (QGIS breaks its C++ ABI between them), so it
# depends on exactly that one. When the archive brings the next point release,
# `apt upgrade` keeps QGIS back and `apt full-upgrade` removes the plugin:
# never a plugin that QGIS cannot load. A stand-in `qgis` of the next point
# release in a local repository plays the archive's update.
built_for=${qgis_version%%[-+~]*}  # 3.40.6 of 3.40.6+dfsg-1
next_version="${built_for%.*}.$(( ${built_for##*.} + 1 ))+pumtest-1"
mkdir -p "$root/tmp/next/qgis/DEBIAN"
printf 'Package: qgis\nVersion: %s\nArchitecture: all\nMaintainer: pum-native tests <none@example.org>\nDescription: stand-in for the next QGIS point release\n' \
  "$next_version" >"$root/tmp/next/qgis/DEBIAN/control"
dpkg-deb --build "$root/tmp/next/qgis" "$root/tmp/next/qgis_${next_version}_all.deb" >/dev/null
(cd "$root/tmp/next" && dpkg-scanpackages --multiversion . /dev/null 2>/dev/null >Packages)
echo "deb [trusted=yes] file:/tmp/next ./" >"$root/etc/apt/sources.list.d/next-qgis.list"
inroot apt-get -q update >/dev/null || fail "apt-get update with the next QGIS point release"
apt_in upgrade >"$root.upgrade.log" 2>&1 || { tail -20 "$root.upgrade.log"; fail "apt-get upgrade"; }
[[ "$(inroot dpkg-query -W -f='${Version}' qgis)" == "$qgis_version" ]] ||
  { tail -20 "$root.upgrade.log"; fail "apt-get upgrade moved QGIS to the next point release beside a plugin built for $built_for"; }
log "ok: apt-get upgrade keeps QGIS $qgis_version back (the plugin is built for it; $next_version offered)"
apt_in full-upgrade >"$root.full-upgrade.log" 2>&1 || { tail -20 "$root.full-upgrade.log"; fail "apt-get full-upgrade"; }
plugin_status=$(inroot dpkg-query -W -f='${db:Status-Status}' qgis-plugin-pum 2>/dev/null || true)
[[ "$(inroot dpkg-query -W -f='${Version}' qgis)" == "$next_version" && "$plugin_status" != installed ]] ||
  { tail -20 "$root.full-upgrade.log"; fail "apt-get full-upgrade left qgis-plugin-pum ($plugin_status) beside QGIS $(inroot dpkg-query -W -f='${Version}' qgis)"; }
log "ok: apt-get full-upgrade to QGIS $next_version removes the plugin built for $built_for"
rm "$root/etc/apt/sources.list.d/next-qgis.list"

# --- 3. purge ---------------------------------------------------------------------
# full-upgrade removed the plugin above, and apt knows no archive that has it:
# dpkg purges what is left of it, apt the others.
inroot dpkg --purge qgis-plugin-pum >"$root.purge.log" 2>&1 || { tail -30 "$root.purge.log"; fail "dpkg --purge qgis-plugin-pum"; }
apt_in purge pum python3-pum >>"$root.purge.log" 2>&1 || { tail -30 "$root.purge.log"; fail "apt-get purge"; }
for name in pum python3-pum qgis-plugin-pum; do
  status=$(inroot dpkg-query -W -f='${db:Status-Status}' "$name" 2>/dev/null || true)
  [[ -z "$status" || "$status" == not-installed ]] || fail "$name is '$status' after purge"
done
# New paths named *pum* that no installed package owns (scipy's _fpumode.so,
# QGIS's pumpkin.svg are others' files), and none of the files our packages listed.
left=""
while IFS= read -r path; do
  [[ -n "$path" ]] || continue
  inroot dpkg -S "${path#.}" >/dev/null 2>&1 || left+="${path#.} "
done < <(comm -13 <(echo "$before_install") <(ours_on_disk))
for path in $our_files; do
  [[ -e "$root$path" && ! -d "$root$path" ]] && left+="$path "
done
[[ -z "$left" ]] || fail "left behind after purge: $left"
log "ok: apt-get purge left no file of ours"
log "passed"
