#!/usr/bin/env bash
# End-to-end test of jetemu's Docker image, compose file and Testcontainers recipe, on a Debian
# bookworm machine run as root with no container registry (what CI is):
#
#   packages        docker/install-packages.sh, and mosquitto-clients for the host's MQTT client
#   dockerd         docker/dockerd.sh start: our own daemon under $JETEMU_DOCKER_STATE
#   base images     docker/base-images.sh: jetemu-base/jre:17 and jetemu-base/maven:17, if missing
#   build           docker-compose build: jetemu:test from docker/Dockerfile (Maven runs in its
#                   build stage) and the example application, FROM the local base images
#   up              docker-compose up -d; waits until the emulator's container is healthy
#                   (HEALTHCHECK on GET /health); checks the user, and that the variables applied
#   scenario        mosquitto_sub on the host through the published port, then
#                   POST /api/scenarios?name=interface-flap: the host's client and the example
#                   application's container both receive every event, in order
#   hook            JETEMU_SCENARIO: the emulator restarted to run a scenario from the mounted
#                   ../scenarios once ready; the application (which reconnects) receives it
#   testcontainers  mvn -f examples/testcontainers/pom.xml test, against jetemu:test
#   down            docker-compose down, then docker/dockerd.sh stop: always, also after a failure
#
# Every phase is timed; a summary ends the output. Logs are kept in $JETEMU_DOCKER_STATE/test/.
#
# Usage: docker/test.sh [--keep-daemon] [--skip-testcontainers]
#   --keep-daemon          leave dockerd running (and the images) for another run
#   --skip-testcontainers  no Maven run of the Testcontainers recipe
# Exit status: 0 passed, 1 a check failed, 2 usage, 3 environment failure (not root, no network).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
# shellcheck source=docker/lib.sh
source "$here/lib.sh"

keep_daemon=false
testcontainers=true
for arg in "$@"; do
  case $arg in
    --keep-daemon) keep_daemon=true ;;
    --skip-testcontainers) testcontainers=false ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "usage: $(basename "$0") [--keep-daemon] [--skip-testcontainers]" >&2
      exit 2
      ;;
  esac
done

require_root

PROJECT=jetemutest
LOGS=$JETEMU_DOCKER_STATE/test
SCENARIO=interface-flap
HEALTH_TIMEOUT=${JETEMU_TEST_HEALTH_TIMEOUT:-120}

# What compose reads (docker/compose.yaml names them): the images it builds and their bases.
export JETEMU_IMAGE=jetemu:test
export JETEMU_APP_IMAGE=jetemu-example-app:test
export BUILD_IMAGE=jetemu-base/maven:17
export BASE_IMAGE=jetemu-base/jre:17
export APP_BASE_IMAGE=jetemu-base/jre:17
export JETEMU_HOSTNAME=vmx-compose
export JETEMU_SCENARIO=

# --- timing and failure -------------------------------------------------------------------------

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
PHASES=()
phase_name=
phase_start=
t_all=$(now)

end_phase() { # [note]
  [[ -n $phase_name ]] || return 0
  PHASES+=("$(printf '%-15s %7s%s' "$phase_name" "$(since "$phase_start")" "${1:+  $1}")")
  phase_name=
}
phase() {
  end_phase
  phase_name=$1
  phase_start=$(now)
  say "--- $1"
}
fail() {
  say "FAILED: $*"
  exit 1
}
show() { # file [lines]: the end of a log, indented
  [[ -s $1 ]] || return 0
  say "last lines of $1:"
  tail -n "${2:-30}" "$1" | sed 's/^/    /' >&2
}
# Runs until the condition holds or the time is up; 1 on timeout.
wait_for() { # seconds command...
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

compose() { docker-compose -f "$here/compose.yaml" -p "$PROJECT" "$@"; }

composed=false
subscriber=
cleanup() {
  local rc=$?
  set +e
  [[ -z $subscriber ]] || kill "$subscriber" 2>/dev/null
  end_phase "$( ((rc == 0)) || echo "(failed)")"
  if $composed; then
    if ((rc != 0)); then
      compose logs --no-color --tail=40 >"$LOGS/compose-logs.txt" 2>&1
      show "$LOGS/compose-logs.txt" 40
    fi
    phase "down"
    compose down --volumes --remove-orphans >>"$LOGS/down.log" 2>&1 || say "docker-compose down failed: see $LOGS/down.log"
    end_phase
  fi
  if $keep_daemon; then
    say "dockerd left running (--keep-daemon): eval \"\$($here/dockerd.sh env)\""
  elif [[ -n ${DOCKER:-} ]]; then
    phase "dockerd stop"
    "$here/dockerd.sh" stop
    end_phase
  fi
  say "summary (state $JETEMU_DOCKER_STATE, logs $LOGS):"
  local line
  for line in "${PHASES[@]}"; do say "  $line"; done
  say "  $(printf '%-15s %7s' total "$(since "$t_all")")"
  if ((rc == 0)); then say "docker test passed"; else say "docker test FAILED (exit $rc)"; fi
  exit "$rc"
}
trap cleanup EXIT

# --- packages, daemon, base images ---------------------------------------------------------------

phase "packages"
"$here/install-packages.sh"
host_packages=()
command -v mosquitto_sub >/dev/null 2>&1 || host_packages+=(mosquitto-clients)
if $testcontainers; then
  command -v mvn >/dev/null 2>&1 || host_packages+=(maven)
  command -v javac >/dev/null 2>&1 || host_packages+=(openjdk-17-jdk-headless)
fi
if ((${#host_packages[@]})); then
  say "installing ${host_packages[*]}"
  apt-get update -qq || die_env "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${host_packages[@]}" >/dev/null ||
    die_env "apt-get install ${host_packages[*]} failed"
fi

phase "dockerd"
mkdir -p "$LOGS"
rm -f "$LOGS"/*
"$here/dockerd.sh" start
eval "$("$here/dockerd.sh" env)"
DOCKER=$(docker_cli)
# docker-compose builds by running the first `docker` on PATH: make it the daemon's own client
# (20.10, classic builder), as on a machine that has only Debian's.
if [[ $(command -v docker) != "$DOCKER" ]]; then
  mkdir -p "$JETEMU_DOCKER_STATE/cli-bin"
  ln -sf "$DOCKER" "$JETEMU_DOCKER_STATE/cli-bin/docker"
  export PATH=$JETEMU_DOCKER_STATE/cli-bin:$PATH
fi

phase "base images"
"$here/base-images.sh"

# --- build ---------------------------------------------------------------------------------------

phase "build"
# A leftover of an interrupted run would hold the ports and the names.
compose down --volumes --remove-orphans >/dev/null 2>&1 || true
if grep -qx -- '--iptables=false' "$JETEMU_DOCKER_STATE/dockerd.options" 2>/dev/null; then
  # Without iptables, containers on a bridge have no outbound network; the build stage needs
  # Maven Central and apt, so it uses the host's network (compose v1 cannot be told so).
  say "dockerd runs without iptables: building with docker build --network host"
  build() {
    "$DOCKER" build --network host -f "$here/Dockerfile" -t "$JETEMU_IMAGE" \
      --build-arg "BUILD_IMAGE=$BUILD_IMAGE" --build-arg "BASE_IMAGE=$BASE_IMAGE" "$root" &&
      "$DOCKER" build --network host -t "$JETEMU_APP_IMAGE" \
        --build-arg "BASE_IMAGE=$APP_BASE_IMAGE" "$here/example-app"
  }
else
  say "docker-compose build: $JETEMU_IMAGE (BUILD_IMAGE=$BUILD_IMAGE, BASE_IMAGE=$BASE_IMAGE), $JETEMU_APP_IMAGE"
  build() { compose build; }
fi
t0=$(now)
build >"$LOGS/build.log" 2>&1 || {
  show "$LOGS/build.log" 40
  fail "building the images failed; see $LOGS/build.log"
}
say "built in $(since "$t0"): $JETEMU_IMAGE $(human_size "$("$DOCKER" image inspect -f '{{.Size}}' "$JETEMU_IMAGE")"), $JETEMU_APP_IMAGE $(human_size "$("$DOCKER" image inspect -f '{{.Size}}' "$JETEMU_APP_IMAGE")")"
# The image's entry point starts from the class-data archive made at build time, as the user it runs as.
"$DOCKER" run --rm -e JAVA_TOOL_OPTIONS=-Xlog:class+load=info:stdout "$JETEMU_IMAGE" --version \
  >"$LOGS/class-data.log" 2>&1 || true
grep -q 'dev.jetemu.app.Main source: shared objects file (top)' "$LOGS/class-data.log" || {
  show "$LOGS/class-data.log" 5
  fail "the image's JVM did not load jetemu's classes from /opt/jetemu/jetemu.jsa; see $LOGS/class-data.log"
}
say "the image starts from its class-data archive ($(grep -c 'shared objects file (top)' "$LOGS/class-data.log") classes of jetemu's mapped by --version)"

# --- up ------------------------------------------------------------------------------------------

phase "up"
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if port_taken 1883 || port_taken 8080; then
  say "127.0.0.1:1883 or :8080 is taken on this machine: publishing on free ports instead"
  export JETEMU_PUBLISH_MQTT=127.0.0.1: JETEMU_PUBLISH_HTTP=127.0.0.1:
fi
composed=true
compose up -d >"$LOGS/up.log" 2>&1 || {
  show "$LOGS/up.log"
  fail "docker-compose up failed"
}
emulator=$(compose ps -q jetemu)
[[ -n $emulator ]] || fail "docker-compose ps names no jetemu container"

await_healthy() { # container -> waits, or fails naming what it saw
  local container=$1 health running
  local deadline=$((SECONDS + HEALTH_TIMEOUT))
  while :; do
    health=$("$DOCKER" inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$container")
    running=$("$DOCKER" inspect -f '{{.State.Running}}' "$container")
    [[ $health == healthy ]] && return 0
    [[ $health != none ]] || fail "the container has no health check: is the image built from docker/Dockerfile?"
    if [[ $running != true ]]; then
      "$DOCKER" logs "$container" >"$LOGS/jetemu.log" 2>&1
      show "$LOGS/jetemu.log"
      fail "the emulator's container exited (status $("$DOCKER" inspect -f '{{.State.ExitCode}}' "$container"))"
    fi
    if ((SECONDS >= deadline)); then
      "$DOCKER" logs "$container" >"$LOGS/jetemu.log" 2>&1
      show "$LOGS/jetemu.log"
      say "last health check: $("$DOCKER" inspect -f '{{range .State.Health.Log}}{{.ExitCode}} {{.Output}}{{end}}' "$container" | tail -n 3)"
      fail "the emulator's container was not healthy within ${HEALTH_TIMEOUT}s (health: $health)"
    fi
    sleep 0.5
  done
}
await_healthy "$emulator"
say "healthy $(since "$phase_start") after docker-compose up"

published() { # container port -> the host port it is published on (127.0.0.1 only)
  local address
  address=$(compose port "$1" "$2")
  [[ $address == 127.0.0.1:* ]] || fail "port $2 is published on '$address', not on 127.0.0.1"
  echo "${address##*:}"
}
mqtt_port=$(published jetemu 1883)
http_port=$(published jetemu 8080)
api=http://127.0.0.1:$http_port
say "published: MQTT 127.0.0.1:$mqtt_port, HTTP 127.0.0.1:$http_port"

health=$(curl -fsS --max-time 5 "$api/health") || fail "GET $api/health from the host failed"
[[ $health == *'"status":"ready"'* ]] || fail "GET /health answered '$health'"
say "GET /health: $health"
user=$("$DOCKER" exec "$emulator" id -u)
[[ $user == 10001 ]] || fail "the emulator runs as uid $user, not 10001 (jetemu)"
"$DOCKER" logs "$emulator" >"$LOGS/jetemu.log" 2>&1
grep -q "hostname: *$JETEMU_HOSTNAME\$" "$LOGS/jetemu.log" ||
  fail "JETEMU_HOSTNAME=$JETEMU_HOSTNAME did not apply; start-up report: $(head -n 8 "$LOGS/jetemu.log")"
grep -q 'allow-clients: .*(from JETEMU_ALLOW_CLIENTS)' "$LOGS/jetemu.log" ||
  fail "the image's JETEMU_ALLOW_CLIENTS did not apply; start-up report: $(head -n 8 "$LOGS/jetemu.log")"
say "runs as uid 10001; JETEMU_HOSTNAME and the image's JETEMU_ALLOW_CLIENTS applied"

# --- a scenario through the control API ----------------------------------------------------------

phase "scenario"
# The example application prints "CONNECTED to ..." and "EVENT topic event-id" lines.
app_events() { compose logs --no-color app 2>/dev/null | sed -n 's/^.*| EVENT \([^ ]*\) .*$/\1/p'; }
app_connected() { compose logs --no-color app 2>/dev/null | grep -q '| CONNECTED to'; }
app_received() { (($(app_events | wc -l) >= $1)); }
host_events() { sed -n 's|^\(/junos/[^ ]*\) .*$|\1|p' "$LOGS/host-subscriber.txt"; }
host_received() { (($(host_events | wc -l) >= $1)); }

wait_for 60 app_connected || {
  compose logs --no-color app >"$LOGS/app.log" 2>&1
  show "$LOGS/app.log"
  fail "the example application did not connect to jetemu:1883 within 60s"
}
say "the example application connected from its container network (logs: CONNECTED)"

# -d prints the SUBACK, so the test knows the subscription is in place before the device acts;
# stdbuf, because mosquitto_sub's debug lines would wait in stdio's buffer of a file.
: >"$LOGS/host-subscriber.txt"
stdbuf -oL mosquitto_sub -h 127.0.0.1 -p "$mqtt_port" -i host-probe -t '/junos/events/#' -v -d \
  >"$LOGS/host-subscriber.txt" 2>&1 &
subscriber=$!
wait_for 15 grep -q 'received SUBACK' "$LOGS/host-subscriber.txt" || {
  show "$LOGS/host-subscriber.txt"
  fail "mosquitto_sub on the host got no SUBACK through 127.0.0.1:$mqtt_port"
}
say "mosquitto_sub on the host subscribed through 127.0.0.1:$mqtt_port"

before=$(app_events | wc -l)
code=$(curl -sS --max-time 180 -o "$LOGS/scenario.json" -w '%{http_code}' -X POST \
  "$api/api/scenarios?name=$SCENARIO&virtualTime=true") || fail "POST /api/scenarios failed"
result=$(cat "$LOGS/scenario.json")
[[ $code == 200 && $result == *'"passed":true'* ]] || fail "POST /api/scenarios?name=$SCENARIO: HTTP $code $result"
events=$(sed -n 's/.*"eventsPublished":\([0-9]*\).*/\1/p' <<<"$result")
if ! [[ $events =~ ^[1-9][0-9]*$ ]]; then fail "the scenario published no events: $result"; fi
say "POST /api/scenarios?name=$SCENARIO&virtualTime=true: passed, $events events"

wait_for 15 host_received "$events" || {
  show "$LOGS/host-subscriber.txt"
  fail "the host's client received $(host_events | wc -l) of $events events"
}
wait_for 15 app_received "$((before + events))" ||
  fail "the example application received $(($(app_events | wc -l) - before)) of $events events"
kill "$subscriber" 2>/dev/null || true
wait "$subscriber" 2>/dev/null || true
subscriber=
host_events >"$LOGS/host-topics.txt"
app_events | tail -n "$events" >"$LOGS/app-topics.txt"
(($(wc -l <"$LOGS/host-topics.txt") == events)) || fail "the host's client received $(wc -l <"$LOGS/host-topics.txt") events, $events were published"
cmp -s "$LOGS/host-topics.txt" "$LOGS/app-topics.txt" ||
  fail "the host's client and the application saw different topics: diff $LOGS/host-topics.txt $LOGS/app-topics.txt"
say "the host's client (through the published port) and the example application (on the container network) each received all $events events, in the same order"

# --- the "run this scenario when ready" hook --------------------------------------------------

phase "hook"
before=$(app_events | wc -l)
# Recreated with the variable; it reads the scenario from the read-only mount of ../scenarios.
JETEMU_SCENARIO=$SCENARIO.yaml compose up -d jetemu >>"$LOGS/up.log" 2>&1 || {
  show "$LOGS/up.log"
  fail "docker-compose up with JETEMU_SCENARIO failed"
}
emulator=$(compose ps -q jetemu)
await_healthy "$emulator"
# The scenario waits for a subscriber, the application reconnects, the scenario runs.
verdict_printed() { "$DOCKER" logs "$emulator" 2>&1 | grep -qE '^(PASS|FAIL) '; }
wait_for 90 verdict_printed || {
  "$DOCKER" logs "$emulator" >"$LOGS/jetemu-hook.log" 2>&1
  show "$LOGS/jetemu-hook.log"
  fail "JETEMU_SCENARIO=$SCENARIO.yaml: no PASS or FAIL line from the emulator within 90s"
}
"$DOCKER" logs "$emulator" >"$LOGS/jetemu-hook.log" 2>&1
verdict=$(grep -E '^(PASS|FAIL) ' "$LOGS/jetemu-hook.log" | head -n 1)
[[ $verdict == "PASS $SCENARIO "* ]] || fail "JETEMU_SCENARIO=$SCENARIO.yaml: $verdict"
wait_for 15 app_received "$((before + events))" ||
  fail "after JETEMU_SCENARIO, the example application received $(($(app_events | wc -l) - before)) of $events events"
say "JETEMU_SCENARIO=$SCENARIO.yaml ran from the mount once ready: $verdict; the application received its $events events"

# --- Testcontainers ------------------------------------------------------------------------------

if $testcontainers; then
  phase "testcontainers"
  # Ryuk (the reaper container) would have to be pulled from a registry; the script's own
  # cleanup stands in for it. Mapped ports are reached on 127.0.0.1.
  if ! TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 \
    mvn -B -ntp -f "$root/examples/testcontainers/pom.xml" test -Djetemu.image="$JETEMU_IMAGE" \
    >"$LOGS/testcontainers.log" 2>&1; then
    show "$LOGS/testcontainers.log" 40
    fail "the Testcontainers recipe failed; see $LOGS/testcontainers.log"
  fi
  say "$(grep -E 'Tests run: [0-9]+, Failures' "$LOGS/testcontainers.log" | tail -n 1 | sed 's/^\[[A-Z]*\] //')"
fi

end_phase
