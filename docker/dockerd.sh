#!/usr/bin/env bash
# Runs Debian's dockerd (package docker.io) on a machine with no service manager, as root, with
# everything it owns under one state directory:
#
#   $JETEMU_DOCKER_STATE (default /tmp/jetemu-docker)
#     data/          --data-root (images, containers, the managed containerd's data)
#     exec/          --exec-root (runtime state, the managed containerd's socket)
#     docker.sock    --host unix://...
#     dockerd.pid    --pidfile
#     dockerd.log    dockerd's (and its containerd's) output; the previous run's in dockerd.log.1
#     daemon.json    --config-file, empty, so that an /etc/docker/daemon.json cannot interfere
#     dockerd.options  the options chosen, for the record
#
# Usage:
#   docker/dockerd.sh start    start it (no-op if it already runs) and wait until `docker info` answers
#   docker/dockerd.sh stop     stop it by its pid and wait for it (and its containerd) to exit
#   docker/dockerd.sh status   exit 0 if it runs and answers, 1 if not
#   docker/dockerd.sh env      print `export DOCKER_HOST=unix://...` for: eval "$(docker/dockerd.sh env)"
#
# It installs nothing: run docker/install-packages.sh first. What it decides on start:
#   cgroups         uses what is mounted; mounts cgroup2 (or v1 controllers) when nothing is
#   storage driver  overlay2 when an overlay mount works on the state directory's filesystem,
#                   else vfs; also vfs if dockerd then refuses overlay2
#   iptables        iptables (nft) if it can create the chains dockerd needs, else iptables-legacy
#                   (through a PATH shim, the system's alternatives are left alone), else
#                   --iptables=false: published ports still work through docker-proxy, but
#                   containers have no outbound network (no masquerading)
#   mtu             the default route's interface MTU when it is below 1500
# Each can be forced: JETEMU_DOCKER_STORAGE_DRIVER=overlay2|vfs, JETEMU_DOCKER_IPTABLES=
# nft|legacy|false, JETEMU_DOCKER_MTU=N. Timeouts: JETEMU_DOCKER_START_TIMEOUT (s, default 60),
# JETEMU_DOCKER_STOP_TIMEOUT (s, default 60).
#
# Exit status: 0 done, 1 usage or `status` says not running, 3 environment failure.
set -euo pipefail

# shellcheck source=docker/lib.sh
source "$(dirname "$0")/lib.sh"

STATE=$JETEMU_DOCKER_STATE
PIDFILE=$STATE/dockerd.pid
LOG=$STATE/dockerd.log
START_TIMEOUT=${JETEMU_DOCKER_START_TIMEOUT:-60}
STOP_TIMEOUT=${JETEMU_DOCKER_STOP_TIMEOUT:-60}
# dockerd runs with a PATH of its own: it looks up containerd, runc, docker-init, docker-proxy
# and iptables there, and a caller's PATH may lack the sbin directories or carry other builds.
DOCKERD_PATH=/usr/sbin:/usr/bin:/sbin:/bin

usage() {
  echo "usage: $(basename "$0") start|stop|status|env" >&2
  exit 1
}

# Prints the pid of our dockerd if it runs (pidfile names a live dockerd process).
running_pid() {
  local pid
  [[ -s $PIDFILE ]] || return 1
  pid=$(<"$PIDFILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/comm && $(<"/proc/$pid/comm") == dockerd ]] && alive "$pid" || return 1
  echo "$pid"
}

answers() {
  DOCKER_HOST=unix://$DOCKER_SOCKET "$(docker_cli)" info >/dev/null 2>&1
}

show_log_tail() {
  if [[ -s $LOG ]]; then
    say "last lines of $LOG:"
    tail -n "${1:-25}" "$LOG" | sed 's/^/    /' >&2
  fi
}

# --- checks and choices -------------------------------------------------------------------

has_cap() { # capability bit number -> whether this process has it in its effective set
  local hex
  hex=$(awk '/^CapEff:/ { print $2 }' /proc/self/status)
  (((0x$hex >> $1) & 1))
}

check_machine() {
  require_root
  command -v dockerd >/dev/null 2>&1 || [[ -x /usr/sbin/dockerd ]] ||
    die_env "dockerd not found: run docker/install-packages.sh (package docker.io)"
  PATH=$DOCKERD_PATH command -v containerd >/dev/null 2>&1 || die_env "containerd not found (package containerd)"
  PATH=$DOCKERD_PATH command -v runc >/dev/null 2>&1 || die_env "runc not found (package runc)"

  # A container's PID namespace hides the kernel's threads; marker files alone mislead (a VM
  # whose root filesystem was made from a container image keeps /.dockerenv).
  local where markers=
  [[ -e /.dockerenv ]] && markers+=" /.dockerenv"
  [[ -e /run/.containerenv ]] && markers+=" /run/.containerenv"
  if [[ $(cat /proc/2/comm 2>/dev/null) == kthreadd ]]; then
    where="not a container (kernel threads visible)"
    [[ -z $markers ]] || where+=", though it has$markers"
  else
    where="a container (no kernel threads in its /proc${markers:+;$markers})"
  fi
  has_cap 21 || die_env "no CAP_SYS_ADMIN: this machine, $where, lacks the privileges dockerd needs (mounts, namespaces); run it privileged"
  has_cap 12 || die_env "no CAP_NET_ADMIN: this machine, $where, cannot create bridges and veth pairs"
  MACHINE="$where, kernel $(uname -r)"

  local other='' pid
  for pid in $(pgrep -x dockerd || true); do
    if alive "$pid"; then other+=" $pid"; fi
  done
  if [[ -n $other ]]; then
    die_env "another dockerd runs (pid${other}), not started by this script with state $STATE: two daemons would fight over docker0 and the DOCKER iptables chains; stop it, or use it by setting DOCKER_HOST"
  fi
}

setup_cgroups() {
  local fstype
  fstype=$(stat -fc %T /sys/fs/cgroup 2>/dev/null || echo missing)
  if [[ $fstype != cgroup2fs && $fstype != tmpfs ]]; then
    # Nothing mounted (a bare init, no service manager did it): mount what the kernel offers.
    [[ -d /sys/fs/cgroup ]] || die_env "/sys/fs/cgroup does not exist: is sysfs mounted?"
    if grep -qw cgroup2 /proc/filesystems; then
      mount -t cgroup2 -o nsdelegate cgroup2 /sys/fs/cgroup 2>/dev/null ||
        mount -t cgroup2 cgroup2 /sys/fs/cgroup ||
        die_env "cannot mount cgroup2 on /sys/fs/cgroup"
      say "mounted cgroup2 on /sys/fs/cgroup (nothing was mounted there)"
    else
      mount -t tmpfs -o uid=0,gid=0,mode=0755 cgroup /sys/fs/cgroup || die_env "cannot mount a tmpfs on /sys/fs/cgroup"
      local controller
      # shellcheck disable=SC2013 # controller names are single words
      for controller in $(awk '!/^#/ && $4 == 1 { print $1 }' /proc/cgroups); do
        mkdir -p "/sys/fs/cgroup/$controller"
        mountpoint -q "/sys/fs/cgroup/$controller" ||
          mount -t cgroup -o "$controller" cgroup "/sys/fs/cgroup/$controller" ||
          say "warning: cannot mount the $controller cgroup controller"
      done
      say "mounted cgroup v1 controllers on /sys/fs/cgroup (nothing was mounted there)"
    fi
    fstype=$(stat -fc %T /sys/fs/cgroup)
  fi
  if [[ $fstype == cgroup2fs ]]; then
    CGROUPS="v2 (unified)"
  else
    local c
    for c in memory cpu pids devices; do
      [[ -d /sys/fs/cgroup/$c ]] || die_env "cgroup v1 controller '$c' is not mounted under /sys/fs/cgroup"
    done
    CGROUPS="v1"
    if [[ $(stat -fc %T /sys/fs/cgroup/unified 2>/dev/null) == cgroup2fs ]]; then
      CGROUPS="v1 (hybrid, cgroup2 at /sys/fs/cgroup/unified)"
    fi
  fi
}

# Whether the given iptables command can build what dockerd builds: a nat chain with an addrtype
# match, and a filter rule with a conntrack match.
iptables_works() {
  local ipt=$1 chain=JETEMU-PROBE-$$ ok=0
  PATH=$DOCKERD_PATH command -v "$ipt" >/dev/null 2>&1 || return 1
  PATH=$DOCKERD_PATH "$ipt" -w -t nat -N "$chain" 2>/dev/null || return 1
  PATH=$DOCKERD_PATH "$ipt" -w -t nat -A "$chain" -m addrtype --dst-type LOCAL -j RETURN 2>/dev/null || ok=1
  PATH=$DOCKERD_PATH "$ipt" -w -t nat -F "$chain" 2>/dev/null || true
  PATH=$DOCKERD_PATH "$ipt" -w -t nat -X "$chain" 2>/dev/null || true
  ((ok == 0)) || return 1
  PATH=$DOCKERD_PATH "$ipt" -w -t filter -N "$chain" 2>/dev/null || return 1
  PATH=$DOCKERD_PATH "$ipt" -w -t filter -A "$chain" -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN 2>/dev/null || ok=1
  PATH=$DOCKERD_PATH "$ipt" -w -t filter -F "$chain" 2>/dev/null || true
  PATH=$DOCKERD_PATH "$ipt" -w -t filter -X "$chain" 2>/dev/null || true
  ((ok == 0))
}

choose_iptables() {
  local want=${JETEMU_DOCKER_IPTABLES:-auto} shim=$STATE/iptables-legacy-bin
  IPTABLES_OPTS=()
  case $want in
    auto | nft)
      if iptables_works iptables; then
        IPTABLES="$(PATH=$DOCKERD_PATH iptables -V 2>/dev/null | sed 's/^iptables //')"
        return
      fi
      [[ $want == nft ]] && die_env "JETEMU_DOCKER_IPTABLES=nft but iptables cannot create dockerd's chains"
      ;;&
    auto | legacy)
      if iptables_works iptables-legacy; then
        # dockerd runs `iptables`: give it the legacy one through its PATH only.
        mkdir -p "$shim"
        ln -sf "$(PATH=$DOCKERD_PATH command -v iptables-legacy)" "$shim/iptables"
        ln -sf "$(PATH=$DOCKERD_PATH command -v ip6tables-legacy)" "$shim/ip6tables"
        DOCKERD_PATH=$shim:$DOCKERD_PATH
        IPTABLES="legacy ($(PATH=$DOCKERD_PATH iptables -V 2>/dev/null | sed 's/^iptables //'); nf_tables backend unusable)"
        return
      fi
      [[ $want == legacy ]] && die_env "JETEMU_DOCKER_IPTABLES=legacy but iptables-legacy cannot create dockerd's chains"
      ;;&
    auto | false)
      IPTABLES_OPTS=(--iptables=false)
      IPTABLES="off (--iptables=false): published ports go through docker-proxy; containers have no outbound network"
      if [[ $want == auto ]]; then
        IPTABLES+="; neither iptables (nft) nor iptables-legacy works here"
      else
        IPTABLES+="; JETEMU_DOCKER_IPTABLES=false"
      fi
      ;;
    *) die_env "JETEMU_DOCKER_IPTABLES must be auto, nft, legacy or false, not '$want'" ;;
  esac
}

fs_type() { df --output=fstype "$1" 2>/dev/null | tail -n 1 || stat -fc %T "$1"; }

# Whether an overlay mount works on the filesystem that holds the data root.
overlay_works() {
  local probe=$STATE/overlay-probe fs ok=1
  fs=$(fs_type "$STATE")
  case $fs in
    overlay | overlayfs | aufs | ecryptfs)
      OVERLAY_WHY="the state directory is on $fs"
      return 1
      ;;
  esac
  grep -qw overlay /proc/filesystems || {
    OVERLAY_WHY="the kernel has no overlay filesystem"
    return 1
  }
  rm -rf "$probe"
  mkdir -p "$probe"/{lower,upper,work,merged}
  echo x >"$probe/lower/file"
  if mount -t overlay overlay -o "lowerdir=$probe/lower,upperdir=$probe/upper,workdir=$probe/work" "$probe/merged" 2>/dev/null; then
    [[ -f $probe/merged/file ]] && ok=0
    umount "$probe/merged" || true
  fi
  rm -rf "$probe"
  ((ok == 0)) || OVERLAY_WHY="an overlay mount on $fs failed"
  return $ok
}

choose_storage_driver() {
  OVERLAY_WHY=
  case ${JETEMU_DOCKER_STORAGE_DRIVER:-auto} in
    auto)
      if overlay_works; then
        STORAGE_DRIVER=overlay2
        STORAGE_WHY="an overlay mount works on $(fs_type "$STATE")"
      else
        STORAGE_DRIVER=vfs
        STORAGE_WHY="$OVERLAY_WHY (vfs copies every layer: slower, more disk)"
      fi
      ;;
    overlay2 | vfs)
      STORAGE_DRIVER=$JETEMU_DOCKER_STORAGE_DRIVER
      STORAGE_WHY="JETEMU_DOCKER_STORAGE_DRIVER"
      ;;
    *) die_env "JETEMU_DOCKER_STORAGE_DRIVER must be auto, overlay2 or vfs" ;;
  esac
}

choose_mtu() {
  MTU_OPTS=()
  MTU_NOTE="1500 (default)"
  local mtu=${JETEMU_DOCKER_MTU:-} dev
  if [[ -z $mtu ]]; then
    dev=$(awk 'NR > 1 && $2 == "00000000" { print $1; exit }' /proc/net/route)
    [[ -n $dev && -r /sys/class/net/$dev/mtu ]] && mtu=$(<"/sys/class/net/$dev/mtu")
    [[ -n $mtu ]] && ((mtu < 1500)) || return 0
    MTU_NOTE="$mtu (the default route's interface $dev has MTU $mtu; larger container packets would need fragmenting)"
  else
    MTU_NOTE="$mtu (JETEMU_DOCKER_MTU)"
  fi
  MTU_OPTS=(--mtu "$mtu")
}

# --- start / stop -----------------------------------------------------------------------------

launch() { # storage driver -> starts dockerd in the background, sets DOCKERD_PID
  local driver=$1
  local -a opts=(
    --data-root "$STATE/data"
    --exec-root "$STATE/exec"
    --host "unix://$DOCKER_SOCKET"
    --pidfile "$PIDFILE"
    --config-file "$STATE/daemon.json"
    --storage-driver "$driver"
    "${IPTABLES_OPTS[@]}"
    "${MTU_OPTS[@]}"
  )
  printf '%s\n' "${opts[@]}" >"$STATE/dockerd.options"
  [[ -s $LOG ]] && mv -f "$LOG" "$LOG.1"
  # setsid: its own session, so that a caller's Ctrl-C or hangup does not reach it; stdio
  # detached, so that a caller reading this script's output through a pipe is not held open.
  PATH=$DOCKERD_PATH setsid dockerd "${opts[@]}" </dev/null >>"$LOG" 2>&1 &
  DOCKERD_PID=$!
  DOCKERD_OPTS="${opts[*]}"
}

# Waits until the daemon answers; returns 1 if dockerd died, 2 on timeout.
wait_until_answers() {
  local deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    alive "$DOCKERD_PID" || return 1
    answers && return 0
    sleep 0.2
  done
  return 2
}

start() {
  local pid
  if pid=$(running_pid); then
    if answers; then
      say "dockerd already runs (pid $pid), socket $DOCKER_SOCKET"
      return 0
    fi
    die_env "dockerd (pid $pid) runs but does not answer on $DOCKER_SOCKET; run '$0 stop' first"
  fi
  check_machine
  mkdir -p "$STATE"
  chmod 0711 "$STATE"
  [[ -s $STATE/daemon.json ]] || echo '{}' >"$STATE/daemon.json"
  rm -f "$PIDFILE" "$DOCKER_SOCKET"

  setup_cgroups
  choose_iptables
  choose_storage_driver
  choose_mtu

  local begin=$SECONDS rc=0
  launch "$STORAGE_DRIVER"
  wait_until_answers || rc=$?
  if ((rc == 1)) && [[ $STORAGE_DRIVER == overlay2 && -z ${JETEMU_DOCKER_STORAGE_DRIVER:-} ]] &&
    grep -qiE 'error initializing graphdriver|driver not supported|overlay.*(not supported|unsupported|fail|error)' "$LOG"; then
    say "dockerd refused overlay2; falling back to vfs"
    show_log_tail 5
    STORAGE_DRIVER=vfs
    STORAGE_WHY="dockerd refused overlay2 (see $LOG.1)"
    launch vfs
    rc=0
    wait_until_answers || rc=$?
  fi
  case $rc in
    1)
      show_log_tail
      die_env "dockerd exited during start-up (options: $DOCKERD_OPTS)"
      ;;
    2)
      show_log_tail
      kill -TERM "$DOCKERD_PID" 2>/dev/null || true
      wait_gone "$DOCKERD_PID" 20 || kill -KILL "$DOCKERD_PID" 2>/dev/null || true
      die_env "dockerd did not answer on $DOCKER_SOCKET within ${START_TIMEOUT}s (JETEMU_DOCKER_START_TIMEOUT); it was stopped"
      ;;
  esac

  local info
  info=$(DOCKER_HOST=unix://$DOCKER_SOCKET "$(docker_cli)" info --format \
    '{{.ServerVersion}}|{{.Driver}}|{{.CgroupDriver}}|{{.CgroupVersion}}' 2>/dev/null || echo '?|?|?|?')
  IFS='|' read -r version driver cgroup_driver cgroup_version <<<"$info"
  say "dockerd $version started in $((SECONDS - begin))s, pid $(running_pid || echo "$DOCKERD_PID"), state $STATE"
  say "  machine:        $MACHINE"
  say "  storage driver: $driver ($STORAGE_WHY)"
  say "  cgroups:        $CGROUPS, cgroup driver $cgroup_driver, version $cgroup_version as dockerd sees it"
  say "  iptables:       $IPTABLES"
  say "  mtu:            $MTU_NOTE"
  say "  log:            $LOG"
  say "use it with: eval \"\$($0 env)\""
}

# Processes dockerd started that name the state directory on their command line: the managed
# containerd and its shims. Normally dockerd ends them; after a SIGKILL they may remain. Only
# these program names are considered, so that a shell whose command line merely mentions the
# state directory is never touched.
leftover_pids() {
  local dir pid comm
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    comm=$(cat "$dir/comm" 2>/dev/null) || continue
    case $comm in
      dockerd | containerd | containerd-shim* | docker-proxy | runc) ;;
      *) continue ;;
    esac
    tr '\0' ' ' <"$dir/cmdline" 2>/dev/null | grep -qF -- "$STATE/" && echo "$pid"
  done
  return 0
}

# Whether a pid is a live process: a zombie (exited, not yet reaped by the init that inherited
# it, which here can take a moment) counts as gone.
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

wait_gone() { # pid seconds -> 0 when the pid has exited
  local deadline=$((SECONDS + $2))
  while alive "$1"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

stop() {
  local pid begin=$SECONDS stopped=
  if ! pid=$(running_pid); then
    say "dockerd is not running (state $STATE)"
  else
    stopped=$pid
    require_root
    say "stopping dockerd (pid $pid); it stops its containers first"
    kill -TERM "$pid"
    if ! wait_gone "$pid" "$STOP_TIMEOUT"; then
      say "dockerd (pid $pid) still runs after ${STOP_TIMEOUT}s: sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 10 || die_env "dockerd (pid $pid) survives SIGKILL"
    fi
  fi

  # Containers that outlived dockerd (it was SIGKILLed, or crashed): ended through runc's own
  # state for this daemon, which names exactly its containers.
  local runc_root=$STATE/exec/runtime-runc/moby id
  if [[ -d $runc_root ]]; then
    for id in $(PATH=$DOCKERD_PATH runc --root "$runc_root" list -q 2>/dev/null); do
      PATH=$DOCKERD_PATH runc --root "$runc_root" kill --all "$id" KILL 2>/dev/null || true
      PATH=$DOCKERD_PATH runc --root "$runc_root" delete --force "$id" 2>/dev/null || true
      say "ended leftover container ${id:0:12}"
    done
  fi

  local left
  left=$(leftover_pids)
  if [[ -n $left ]]; then
    say "ending leftover processes of this daemon: ${left//$'\n'/ }"
    # shellcheck disable=SC2086
    kill -TERM $left 2>/dev/null || true
    for pid in $left; do
      wait_gone "$pid" 10 || kill -KILL "$pid" 2>/dev/null || true
    done
  fi

  # Mounts left under the state directory (container root filesystems, network namespaces,
  # shm) once nothing runs there any more; deepest first.
  local mnt
  while read -r mnt; do
    umount "$mnt" 2>/dev/null || umount -l "$mnt" 2>/dev/null || say "warning: cannot unmount $mnt"
  done < <(awk -v s="$STATE/" 'index($5, s) == 1 { print $5 }' /proc/self/mountinfo | sort -r)

  rm -f "$PIDFILE" "$DOCKER_SOCKET"
  [[ -z $stopped ]] || say "dockerd (pid $stopped) stopped in $((SECONDS - begin))s"
}

status() {
  local pid
  if pid=$(running_pid) && answers; then
    echo "docker: dockerd runs (pid $pid), socket $DOCKER_SOCKET"
  else
    echo "docker: dockerd is not running (state $STATE)"
    return 1
  fi
}

(($# == 1)) || usage
case $1 in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) echo "export DOCKER_HOST=unix://$DOCKER_SOCKET" ;;
  *) usage ;;
esac
