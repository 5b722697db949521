#!/usr/bin/env bash
# Smoke check of the Docker infrastructure on this machine, end to end:
#   1. docker/install-packages.sh        (packages; nothing happens if they are there)
#   2. docker/dockerd.sh start           (our own dockerd under $JETEMU_DOCKER_STATE)
#   3. docker/base-images.sh             (jetemu-base/jre:17 and jetemu-base/maven:17, if missing)
#   4. `docker run --rm jetemu-base/jre:17 java -version`, and javac/mvn in the maven image
#   5. `docker-compose version` (Compose v1)
#   6. a throw-away compose project in /tmp: `docker-compose build` (classic builder) of a
#      Dockerfile FROM jetemu-base/jre:17 with a non-root user and a curl HEALTHCHECK, a tiny Java
#      HTTP server published on 127.0.0.1:<ephemeral>, wait until healthy, connect from the host
#      with curl and with bash's /dev/tcp, `docker-compose down`
#   7. whether containers reach the outside (Maven Central over https), on the default bridge and
#      on the host network: reported, not required (a Dockerfile's Maven stage needs one of them)
#   8. docker/dockerd.sh stop, also when a step failed (--keep-daemon leaves it running)
#
# Usage: docker/check-infra.sh [--keep-daemon] [--rebuild]
# Exit status: 0 all checks passed, 1 a check failed, 3 environment failure (from the scripts).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=docker/lib.sh
source "$here/lib.sh"

keep_daemon=false
rebuild=()
for arg in "$@"; do
  case $arg in
    --keep-daemon) keep_daemon=true ;;
    --rebuild) rebuild=(--rebuild) ;;
    *)
      echo "usage: $(basename "$0") [--keep-daemon] [--rebuild]" >&2
      exit 2
      ;;
  esac
done

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
step() { say "--- $*"; }
fail() {
  say "FAILED: $*"
  exit 1
}

project=jetemucheck$$
tmp=
cleanup() {
  local rc=$?
  set +e
  if [[ -n $tmp && -f $tmp/compose.yaml ]]; then
    docker-compose -f "$tmp/compose.yaml" -p "$project" down --rmi local -v --remove-orphans >/dev/null 2>&1
    "$DOCKER" image rm -f "$project-probe:latest" >/dev/null 2>&1
  fi
  [[ -z $tmp ]] || rm -rf "$tmp"
  if $keep_daemon; then
    say "dockerd left running (--keep-daemon): eval \"\$($here/dockerd.sh env)\""
  else
    "$here/dockerd.sh" stop
  fi
  if ((rc == 0)); then say "infrastructure check passed in $(since "$t_all")"; else say "infrastructure check FAILED (exit $rc)"; fi
  exit "$rc"
}

t_all=$(now)
step "install packages"
"$here/install-packages.sh"

step "start dockerd"
"$here/dockerd.sh" start
eval "$("$here/dockerd.sh" env)"
DOCKER=$(docker_cli)
trap cleanup EXIT
# docker-compose builds by running the first `docker` on PATH (COMPOSE_DOCKER_CLI_BUILD defaults
# to 1): make that the daemon's own client, as on a machine that has only Debian's.
if [[ $(command -v docker) != "$DOCKER" ]]; then
  say "the first docker on PATH is $(command -v docker), not $DOCKER: putting $DOCKER first for this check"
  mkdir -p "$JETEMU_DOCKER_STATE/cli-bin"
  ln -sf "$DOCKER" "$JETEMU_DOCKER_STATE/cli-bin/docker"
  export PATH=$JETEMU_DOCKER_STATE/cli-bin:$PATH
fi

step "base images"
"$here/base-images.sh" "${rebuild[@]}"
"$DOCKER" image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' 'jetemu-base/*' | sed 's/^/docker:   /' >&2

step "docker run --rm jetemu-base/jre:17 java -version"
t0=$(now)
"$DOCKER" run --rm jetemu-base/jre:17 java -version || fail "java does not run in jetemu-base/jre:17"
say "java ran in a container in $(since "$t0")"
"$DOCKER" run --rm jetemu-base/maven:17 bash -c 'javac -version && mvn -B -v 2>&1 | sed -n "s/\x1b\[[0-9;]*m//g; 1p"' ||
  fail "javac/mvn do not run in jetemu-base/maven:17"

step "docker-compose version"
docker-compose version || fail "docker-compose does not run"
docker-compose version --short | grep -q '^1\.' || fail "docker-compose is not Compose v1"

step "compose project with a published port on 127.0.0.1"
tmp=$(mktemp -d /tmp/jetemu-compose-check.XXXXXX)
cat >"$tmp/Serve.java" <<'EOF'
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

// Answers every request with one line naming the user it runs as; listens on all addresses.
public class Serve {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("jetemu-check ok user=" + System.getProperty("user.name") + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("listening on 8080");
    }
}
EOF
# What the real Dockerfile will do, in small: classic builder (no BuildKit), FROM the local base
# image, a non-root user, a curl HEALTHCHECK.
cat >"$tmp/Dockerfile" <<'EOF'
FROM jetemu-base/jre:17
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin probe
COPY Serve.java /app/Serve.java
USER probe
EXPOSE 8080
HEALTHCHECK --interval=1s --timeout=3s --start-period=30s --retries=3 CMD curl -fsS http://127.0.0.1:8080/ || exit 1
CMD ["java", "/app/Serve.java"]
EOF
cat >"$tmp/compose.yaml" <<EOF
version: "3.8"
services:
  probe:
    build: .
    image: $project-probe:latest
    ports:
      - "127.0.0.1::8080"
EOF
t0=$(now)
docker-compose -f "$tmp/compose.yaml" -p "$project" build -q || fail "docker-compose build failed"
say "docker-compose build: $(since "$t0")"
t0=$(now)
docker-compose -f "$tmp/compose.yaml" -p "$project" up -d || fail "docker-compose up failed"
container=$(docker-compose -f "$tmp/compose.yaml" -p "$project" ps -q probe)
health=starting
deadline=$((SECONDS + 60))
while [[ $health != healthy ]] && ((SECONDS < deadline)); do
  sleep 0.5
  health=$("$DOCKER" inspect -f '{{.State.Health.Status}}' "$container")
  [[ $("$DOCKER" inspect -f '{{.State.Running}}' "$container") == true ]] || break
done
if [[ $health != healthy ]]; then
  docker-compose -f "$tmp/compose.yaml" -p "$project" logs --no-color probe >&2 || true
  fail "the container did not become healthy within 60s (health: $health)"
fi
say "up and healthy in $(since "$t0")"

published=$(docker-compose -f "$tmp/compose.yaml" -p "$project" port probe 8080)
host_port=${published##*:}
[[ $published == 127.0.0.1:* && $host_port =~ ^[0-9]+$ ]] || fail "unexpected published address '$published'"
say "container port 8080 is published on $published"

answer=$(curl -fsS --max-time 5 "http://$published/") || fail "curl from the host to $published failed"
[[ $answer == "jetemu-check ok user=probe" ]] || fail "unexpected answer from $published: '$answer'"
say "host -> $published (curl): '$answer'"
# The same over a bare TCP connection, as an MQTT client would open one.
exec 7<>"/dev/tcp/127.0.0.1/$host_port" || fail "bash /dev/tcp cannot connect to $published"
printf 'GET / HTTP/1.0\r\n\r\n' >&7
raw=$(timeout 5 cat <&7) || true
exec 7>&-
grep -q 'jetemu-check ok' <<<"$raw" || fail "raw TCP to $published got no answer"
say "host -> $published (raw TCP): answered"
path="docker-proxy (userland proxy)"
pgrep -f "docker-proxy .*-host-port $host_port" >/dev/null 2>&1 || path="no docker-proxy for it"
if iptables -w -t nat -S DOCKER 2>/dev/null | grep -q -- "--dport $host_port"; then
  path+=" and an iptables DNAT rule"
fi
say "that path: $path"

docker-compose -f "$tmp/compose.yaml" -p "$project" down --rmi local -v --remove-orphans >/dev/null 2>&1 ||
  fail "docker-compose down failed"
say "docker-compose down: done"

step "outbound network from containers (information; a Dockerfile's Maven stage needs one)"
url=https://repo.maven.apache.org/maven2/org/apache/maven/maven-core/3.9.6/maven-core-3.9.6.pom
for network in bridge host; do
  code=$("$DOCKER" run --rm --network "$network" jetemu-base/jre:17 \
    curl -sS -o /dev/null --max-time 20 -w '%{http_code}' "$url" 2>"$tmp/curl.err") || true
  if [[ $code == 200 ]]; then
    say "  --network $network: Maven Central answers (https, HTTP 200)"
  else
    say "  --network $network: no (HTTP ${code:-none}; $(tr '\n' ' ' <"$tmp/curl.err"))"
  fi
done
