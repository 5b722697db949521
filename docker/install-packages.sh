#!/usr/bin/env bash
# Installs, from Debian's own archive, what docker/dockerd.sh and docker/base-images.sh need on
# a Debian bookworm machine run as root. Safe to run again: only missing packages are installed,
# and apt is not touched at all when nothing is missing.
#
#   docker.io       dockerd 20.10 with containerd, runc, tini and docker-proxy (no BuildKit)
#   iptables        docker.io depends on it; named so that its absence is reported by name
#   docker-compose  Compose v1 (1.29), the `docker-compose` command
#   debootstrap     builds the base images' root filesystem without any registry
#   ca-certificates, curl   the health checks and host-side probes
#   procps          pgrep/ps/kill for checking dockerd by its pid
#   xz-utils        docker.io recommends it (docker load/import of .xz); small
#
# Exit status: 0 when everything is installed, 3 when this machine cannot install (not root,
# not Debian, apt failing).
set -euo pipefail

die_env() { echo "docker: $*" >&2; exit 3; }

packages=(docker.io iptables docker-compose debootstrap ca-certificates curl procps xz-utils)

[[ $(id -u) -eq 0 ]] || die_env "install-packages.sh must run as root (it runs apt-get)"
if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  die_env "apt-get/dpkg-query not found: this needs a Debian machine"
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  echo "docker: packages already installed: ${packages[*]}"
  exit 0
fi

echo "docker: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
apt-get update -qq || die_env "apt-get update failed"
# --no-install-recommends keeps apparmor, needrestart and git out; policy-rc.d is not needed:
# with no service manager the packages' postinst scripts cannot start dockerd/containerd.
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
  die_env "apt-get install ${missing[*]} failed"
echo "docker: installed in $((SECONDS - start))s: $(dpkg-query -W -f='${Package} ${Version}  ' docker.io docker-compose debootstrap)"
