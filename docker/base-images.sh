#!/usr/bin/env bash
# Builds jetemu's two local base images without any container registry, from a Debian root
# filesystem made by debootstrap from the mirror this machine's own apt uses:
#
#   jetemu-base/jre:17     bookworm minbase + openjdk-17-jre-headless, ca-certificates, curl
#   jetemu-base/maven:17   bookworm minbase + openjdk-17-jdk-headless, maven, ca-certificates, curl
#
# Packages are installed with apt inside a chroot (not with `docker build`, so no container needs
# network access here), documentation, man pages, locales and apt's caches are left out, and the
# result is imported with `docker import`. Both images keep apt sources for the same mirror and
# the official Debian images' apt settings (docker-clean and friends), so that a Dockerfile's
# `RUN apt-get install` works and leaves no cache behind.
#
# Usage: docker/base-images.sh [--rebuild]
#   An image that already exists is skipped unless --rebuild is given.
#   Needs root and a running daemon: docker/dockerd.sh start (DOCKER_HOST, if set, is used).
#   JETEMU_DEBIAN_MIRROR overrides the mirror read from /etc/apt.
#
# Exit status: 0 done, 1 a build failed, 2 usage, 3 environment failure.
set -euo pipefail

# shellcheck source=docker/lib.sh
source "$(dirname "$0")/lib.sh"

SUITE=bookworm
JRE_IMAGE=jetemu-base/jre:17
MAVEN_IMAGE=jetemu-base/maven:17
JRE_PACKAGES=(openjdk-17-jre-headless ca-certificates curl)
MAVEN_PACKAGES=(openjdk-17-jdk-headless maven ca-certificates curl)

rebuild=false
for arg in "$@"; do
  case $arg in
    --rebuild) rebuild=true ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "usage: $(basename "$0") [--rebuild]" >&2
      exit 2
      ;;
  esac
done

require_root
command -v debootstrap >/dev/null 2>&1 || die_env "debootstrap not found: run docker/install-packages.sh"
require_daemon
DOCKER=$(docker_cli)

image_exists() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

todo=()
for image in "$JRE_IMAGE" "$MAVEN_IMAGE"; do
  if image_exists "$image" && ! $rebuild; then
    say "$image exists ($(human_size "$("$DOCKER" image inspect -f '{{.Size}}' "$image")")), skipped; --rebuild rebuilds it"
  else
    todo+=("$image")
  fi
done
((${#todo[@]})) || exit 0

# --- the mirror this machine's apt uses ------------------------------------------------------

# Prints "URI SUITE" for every enabled deb entry in one-line (.list) and deb822 (.sources) files.
apt_entries() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $f ]] || continue
    awk '$1 == "deb" {
           i = 2
           if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
           print $i, $(i + 1)
         }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] || continue
    awk 'function flush(   n, m, a, b, u, s) {
           if (types ~ /(^| )deb( |$)/ && enabled != "no") {
             n = split(uris, u, " "); m = split(suites, s, " ")
             for (a = 1; a <= n; a++) for (b = 1; b <= m; b++) print u[a], s[b]
           }
           types = uris = suites = enabled = ""
         }
         /^[ \t]*#/ { next }
         /^[ \t]*$/ { flush(); next }
         tolower($1) == "types:"   { sub(/^[^:]*:[ \t]*/, ""); types = $0 }
         tolower($1) == "uris:"    { sub(/^[^:]*:[ \t]*/, ""); uris = $0 }
         tolower($1) == "suites:"  { sub(/^[^:]*:[ \t]*/, ""); suites = $0 }
         tolower($1) == "enabled:" { sub(/^[^:]*:[ \t]*/, ""); enabled = tolower($0) }
         END { flush() }' "$f"
  done
}

uri_for_suite() { apt_entries | awk -v s="$1" '$2 == s { sub(/\/+$/, "", $1); print $1; exit }'; }

MIRROR=${JETEMU_DEBIAN_MIRROR:-$(uri_for_suite "$SUITE")}
if [[ -z $MIRROR ]]; then
  MIRROR=http://deb.debian.org/debian
  say "warning: no '$SUITE' entry in /etc/apt/sources.list{,.d}: using $MIRROR"
fi
SECURITY=$(uri_for_suite "$SUITE-security")
UPDATES=$(uri_for_suite "$SUITE-updates")
ARCH=$(dpkg --print-architecture)

# --- work area, with every mount undone on exit -----------------------------------------------

mkdir -p "$JETEMU_DOCKER_STATE"
exec 9>"$JETEMU_DOCKER_STATE/base-images.lock"
flock -n 9 || {
  say "another base-images.sh runs; waiting for it"
  flock 9
}
WORK=$JETEMU_DOCKER_STATE/base-images.work
CACHE=$WORK/apt-archives # shared by both chroots, so the second downloads only what is new

mounts_under() { awk -v w="$1/" 'index($5, w) == 1 { print $5 }' /proc/self/mountinfo | sort -r; }

unmount_all() {
  local mnt
  for mnt in $(mounts_under "$WORK"); do
    umount "$mnt" 2>/dev/null || umount -l "$mnt" 2>/dev/null || say "warning: cannot unmount $mnt"
  done
}

cleanup() {
  unmount_all
  if [[ -n $(mounts_under "$WORK") ]]; then
    # Never delete through a bind mount of /dev or a shared directory.
    say "warning: mounts remain under $WORK; not deleting it"
  else
    rm -rf --one-file-system "$WORK"
  fi
}
trap cleanup EXIT

cleanup
mkdir -p "$WORK" "$CACHE/partial"

# Time elapsed since $1 (a value of now), to the tenth: "12.3s".
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

log_tail_and_fail() { # log message
  say "last lines of $1:"
  tail -n 30 "$1" | sed 's/^/    /' >&2
  die "$2"
}

# --- debootstrap, once for both images --------------------------------------------------------

MINBASE=$WORK/minbase
t_all=$(now)
say "debootstrap --variant=minbase $SUITE ($ARCH) from $MIRROR"
t0=$(now)
debootstrap --variant=minbase --arch="$ARCH" --components=main "$SUITE" "$MINBASE" "$MIRROR" \
  >"$WORK/debootstrap.log" 2>&1 || log_tail_and_fail "$WORK/debootstrap.log" "debootstrap failed"
T_DEBOOTSTRAP=$(since "$t0")
say "debootstrap done in $T_DEBOOTSTRAP ($(du -sh --apparent-size "$MINBASE" | cut -f1))"

# apt sources for the same mirror, inside the image.
{
  echo "deb $MIRROR $SUITE main"
  [[ -z $UPDATES ]] || echo "deb $UPDATES $SUITE-updates main"
  [[ -z $SECURITY ]] || echo "deb $SECURITY $SUITE-security main"
} >"$MINBASE/etc/apt/sources.list"

# Slim, like the official debian:*-slim images: no documentation, man pages or translations are
# unpacked (copyright files are kept). openjdk's postinst registers man pages as alternatives'
# slaves, so man1 must exist even though it stays empty.
cat >"$MINBASE/etc/dpkg/dpkg.cfg.d/jetemu-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
EOF
mkdir -p "$MINBASE/usr/share/man/man1"
printf '#!/bin/sh\nexit 101\n' >"$MINBASE/usr/sbin/policy-rc.d" # no daemon starts in the chroot
chmod 0755 "$MINBASE/usr/sbin/policy-rc.d"

slim_tree() { # root: what dpkg.cfg.d excludes, removed from what debootstrap already unpacked
  find "$1/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete 2>/dev/null || true
  find "$1/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  rm -rf "$1"/usr/share/{groff,info,lintian,linda,locale}/* 2>/dev/null || true
  find "$1/usr/share/man" -mindepth 1 ! -type d -delete 2>/dev/null || true
}

finish_tree() { # root: apt settings of the official images, caches and build leftovers removed
  local root=$1
  cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  echo 'Acquire::Languages "none";' >"$root/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Acquire::GzipIndexes "true";' >"$root/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
  rm -f "$root/usr/sbin/policy-rc.d"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
  rm -rf "$root"/var/log/apt/* "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old
  rm -f "$root"/var/log/dpkg.log "$root"/var/log/alternatives.log "$root"/var/log/bootstrap.log
  rm -rf "$root"/tmp/* "$root"/var/tmp/*
  : >"$root/etc/resolv.conf" # docker provides these at run time
  echo localhost >"$root/etc/hostname"
  slim_tree "$root"
}

# CA certificates this machine's administrator added (Debian's place for them is
# /usr/local/share/ca-certificates: a company's CA, a TLS-intercepting egress proxy's): the image
# trusts them too, so that curl, apt over https and Maven (through Java's cacerts, which
# update-ca-certificates regenerates) reach what the host reaches. Only that directory is copied;
# the host's bundle may be older than the image's and still hold roots Debian has since removed.
# JETEMU_HOST_CA=off leaves them out.
add_host_cas() { # root (chroot, mounted)
  local root=$1 dir=/usr/local/share/ca-certificates c
  [[ ${JETEMU_HOST_CA:-auto} != off && -d $dir ]] || return 0
  local -a certs=()
  mapfile -t certs < <(find "$dir" -type f -name '*.crt' | sort)
  ((${#certs[@]})) || return 0
  for c in "${certs[@]}"; do
    mkdir -p "$root/$(dirname "$c")"
    cp "$c" "$root/$c"
    HOST_CAS+="${HOST_CAS:+, }${c#"$dir"/} ($(openssl x509 -noout -subject -nameopt oneline -in "$c" 2>/dev/null | sed 's/^subject= *//'))"
  done
  chroot "$root" update-ca-certificates
}
HOST_CAS=

# --- one image ----------------------------------------------------------------------------------

build_image() { # image java-package package...
  local image=$1 java_package=$2
  shift 2
  local packages=("$@")
  local root=$WORK/${image//[^a-z0-9]/-} t_install t_import tar_log=$WORK/import.log
  local log=$root.log
  say "$image: apt-get install ${packages[*]}"
  local t0
  t0=$(now)
  cp -a "$MINBASE" "$root"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc" # java (ca-certificates-java's postinst) needs /proc
  mount --rbind /dev "$root/dev"
  mount --make-rslave "$root/dev"
  mount --bind "$CACHE" "$root/var/cache/apt/archives"
  {
    chroot "$root" apt-get update &&
      chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
  } >"$log" 2>&1 || {
    unmount_all
    log_tail_and_fail "$log" "$image: apt-get install failed in the chroot"
  }
  add_host_cas "$root" >>"$log" 2>&1 || {
    unmount_all
    log_tail_and_fail "$log" "$image: adding this machine's extra CA certificates failed"
  }
  local versions
  # shellcheck disable=SC2016 # dpkg-query's format, not the shell's
  versions=$(chroot "$root" dpkg-query -W -f='${Package}=${Version} ' "${packages[@]}")
  unmount_all
  [[ -s $root/etc/ssl/certs/java/cacerts ]] ||
    die "$image: /etc/ssl/certs/java/cacerts is missing or empty: Java would trust no TLS server"
  finish_tree "$root"
  t_install=$(since "$t0")

  t0=$(now)
  local java_home=/usr/lib/jvm/java-17-openjdk-$ARCH
  local -a changes=(
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    --change "ENV LANG=C.UTF-8"
    --change "ENV JAVA_HOME=$java_home"
    --change 'CMD ["bash"]'
    --change "LABEL org.opencontainers.image.title=$image"
    --change "LABEL org.opencontainers.image.description=\"Debian $SUITE minbase + ${packages[*]}, built by docker/base-images.sh\""
    --change "LABEL jetemu.base.mirror=$MIRROR"
    --change "LABEL jetemu.base.packages=\"${versions% }\""
  )
  [[ $image == "$MAVEN_IMAGE" ]] && changes+=(--change "ENV MAVEN_HOME=/usr/share/maven")
  tar --numeric-owner --xattrs --xattrs-include='security.capability' -C "$root" \
    --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf - . |
    "$DOCKER" import "${changes[@]}" --message "docker/base-images.sh: $SUITE minbase + ${packages[*]}" - "$image" \
      >"$tar_log" 2>&1 || log_tail_and_fail "$tar_log" "$image: docker import failed"
  t_import=$(since "$t0")
  rm -rf --one-file-system "$root"

  local size
  size=$("$DOCKER" image inspect -f '{{.Size}}' "$image")
  say "$image built: $(human_size "$size"); chroot install $t_install, import $t_import; $java_package $(
    grep -o "$java_package=[^ ]*" <<<"$versions" | cut -d= -f2)"
  [[ -z $HOST_CAS ]] || say "$image also trusts this machine's local CA certificates: $HOST_CAS (JETEMU_HOST_CA=off to leave them out)"
  HOST_CAS=
  SUMMARY+=("$(printf '%-22s %10s   install %7s   import %6s' "$image" "$(human_size "$size")" "$t_install" "$t_import")")
}

SUMMARY=()
for image in "${todo[@]}"; do
  case $image in
    "$JRE_IMAGE") build_image "$JRE_IMAGE" openjdk-17-jre-headless "${JRE_PACKAGES[@]}" ;;
    "$MAVEN_IMAGE") build_image "$MAVEN_IMAGE" openjdk-17-jdk-headless "${MAVEN_PACKAGES[@]}" ;;
  esac
done

say "summary (mirror $MIRROR; debootstrap $T_DEBOOTSTRAP; total with debootstrap $(since "$t_all")):"
for line in "${SUMMARY[@]}"; do say "  $line"; done
