# shellcheck shell=bash
# Shared by the scripts in docker/: sourced, never run. Messages go to stderr prefixed "docker:";
# environment failures (missing tools, no root, a daemon that does not answer) exit 3.

JETEMU_DOCKER_STATE=${JETEMU_DOCKER_STATE:-/tmp/jetemu-docker}
DOCKER_SOCKET="$JETEMU_DOCKER_STATE/docker.sock"

say() { echo "docker: $*" >&2; }
die_env() { echo "docker: $*" >&2; exit 3; }
die() { echo "docker: $*" >&2; exit 1; }

require_root() {
  [[ $(id -u) -eq 0 ]] || die_env "$(basename "$0") must run as root"
}

# The docker CLI that belongs to Debian's dockerd (20.10). A machine may carry another client
# earlier in PATH (this one has a static 28.x client in /usr/local/bin); API negotiation makes
# that work for most commands, but the scripts use the daemon's own client to get one behaviour.
docker_cli() {
  if [[ -n ${JETEMU_DOCKER_CLI:-} ]]; then
    echo "$JETEMU_DOCKER_CLI"
  elif [[ -x /usr/bin/docker ]]; then
    echo /usr/bin/docker
  else
    command -v docker || die_env "no docker CLI found: run docker/install-packages.sh"
  fi
}

# Points DOCKER_HOST at the daemon that dockerd.sh starts, unless the caller chose one.
use_our_daemon() {
  export DOCKER_HOST=${DOCKER_HOST:-unix://$DOCKER_SOCKET}
}

# Fails with exit 3 when the daemon does not answer.
require_daemon() {
  use_our_daemon
  "$(docker_cli)" info >/dev/null 2>&1 ||
    die_env "no Docker daemon answers at $DOCKER_HOST: start one with 'docker/dockerd.sh start'"
}

human_size() { # bytes -> "123.4 MB"
  awk -v b="$1" 'BEGIN { split("B KB MB GB", u); i = 1; while (b >= 1000 && i < 4) { b /= 1000; i++ } printf (i == 1 ? "%d %s" : "%.1f %s"), b, u[i] }'
}
