# A Debian root made with debootstrap, for scripts/in-root.sh and
# tests/packaging/clean_root_test.sh. Sourced (bash); needs root.
#
#   debian_root_base SUITE CACHE MIRROR      prints the cached minbase tarball of SUITE, made when missing
#   debian_root_mount ROOT TARGET ARGS...    mounts into ROOT, remembered for debian_root_unmount
#   debian_root_unmount                      unmounts all of them, last first
#   debian_root_apt ROOT SUITE MIRROR SECURITY_MIRROR [EXTRA_SUITE...]
#                                            sources.list (EXTRA_SUITEs such as bookworm-backports
#                                            added), downloaded packages kept, no service started
#
# Mirrors default to deb.debian.org through PUM_DEBIAN_MIRROR and
# PUM_DEBIAN_SECURITY_MIRROR in the scripts that source this.

debian_root_mounts=()

debian_root_base() {
  local suite=$1 cache=$2 mirror=$3 arch tmp
  arch=$(dpkg --print-architecture)
  local base="$cache/$suite-minbase-$arch.tar"
  if [[ ! -f "$base" ]]; then
    command -v debootstrap >/dev/null || { echo "debootstrap not found (scripts/install-deps.sh installs it)" >&2; return 1; }
    echo "building the $suite minbase root (cached as $base)" >&2
    mkdir -p "$cache/apt-archives-$suite/partial"
    tmp=$(mktemp -d "$cache/debootstrap.XXXXXX")
    if ! debootstrap --variant=minbase --cache-dir="$cache/apt-archives-$suite" "$suite" "$tmp/root" "$mirror" \
      >"$tmp/log" 2>&1; then
      tail -20 "$tmp/log" >&2
      rm -rf "$tmp"
      echo "debootstrap $suite from $mirror failed" >&2
      return 1
    fi
    tar -C "$tmp/root" -cf "$tmp/base.tar" .
    mv "$tmp/base.tar" "$base"
    rm -rf "$tmp"
  fi
  echo "$base"
}

debian_root_mount() {
  local target=$1/$2
  shift 2
  mkdir -p "$target"
  mount "$@" "$target"
  debian_root_mounts+=("$target")
}

debian_root_unmount() {
  local i
  for ((i = ${#debian_root_mounts[@]} - 1; i >= 0; i--)); do
    umount "${debian_root_mounts[i]}" 2>/dev/null || umount -l "${debian_root_mounts[i]}" || true
  done
  debian_root_mounts=()
}

debian_root_apt() {
  local root=$1 suite=$2 mirror=$3 security=$4 extra
  shift 4
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  if [[ "$suite" == sid ]]; then
    echo "deb $mirror sid main" >"$root/etc/apt/sources.list"
    # The archive's sid index may be older than its Valid-Until.
    echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/90pum-valid-until"
  else
    printf 'deb %s %s main\ndeb %s %s-updates main\ndeb %s %s-security main\n' \
      "$mirror" "$suite" "$mirror" "$suite" "$security" "$suite" >"$root/etc/apt/sources.list"
  fi
  for extra in "$@"; do echo "deb $mirror $extra main" >>"$root/etc/apt/sources.list"; done
  # Keep what apt downloads (the caller's cache); start no service.
  echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' >"$root/etc/apt/apt.conf.d/90pum-keep-debs"
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
}
