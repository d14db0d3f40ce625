#!/usr/bin/env bash
# CPU time the gateway spends per request, for: the JWT route, the same route without JWT,
# a bare route (no /v1 rules: token, limits, circuit breaker), and the backend called
# directly (its own CPU per request, for scale). CPU time (utime + stime of the process
# from /proc/<pid>/stat, all threads, before and after a wrk run, divided by the requests
# wrk completed) stays meaningful while other processes share the machine, where req/s
# does not. The second figure leaves out the JIT compiler threads: while the machine is
# busy the gateway warms up slowly and C2 still compiles during the measurement. See
# docs/benchmarks.md ("Gateway").
#
#   deploy/bench/cpu-per-request.sh                 # 15 s per case after a 20 s warm-up
#   DURATION=30s CONNS=32 deploy/bench/cpu-per-request.sh
#   ROUNDS=2 deploy/bench/cpu-per-request.sh        # the cases measured in turn, twice
#   JFR=1 deploy/bench/cpu-per-request.sh           # also a JFR file of each gateway case
#                                                   # (of the last round)
#   JAR2=/tmp/previous-exec.jar ROUNDS=3 deploy/bench/cpu-per-request.sh
#                                                   # a second gateway (cases gw2-*) on the same
#                                                   # core, started and measured in turn with the
#                                                   # first: two jars compared in one run
#
# Needs: wrk, taskset, the gateway exec jar (./mvnw -q -pl gateway -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/../.."
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=${JAR:-gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-20s}
ROUNDS=${ROUNDS:-1}
CONNS=${CONNS:-32}
GW_CPU=${GW_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
BACKEND_PORT=${BACKEND_PORT:-9291}
GW_PORT=${GW_PORT:-9280}
GW_OPTS=${GW_OPTS:--Xms256m -Xmx256m}
OUT=$(mktemp -d /tmp/gateway-cpu.XXXXXX)
TICKS=$(getconf CLK_TCK)
echo "results in $OUT"
for port in "$BACKEND_PORT" "$GW_PORT" "$((GW_PORT + 1))"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use: stop what listens there"; exit 1; fi
done
pids=()
# waits for them to exit, so that a run right after this one finds its ports free
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

taskset -c "$LOAD_CPU" "$JDK/bin/java" deploy/bench/BenchBackend.java "$BACKEND_PORT" "$OUT" > "$OUT/backend.log" 2>&1 &
BACKEND_PID=$!
pids+=($BACKEND_PID)
for _ in $(seq 100); do [ -s "$OUT/token" ] && curl -fs "http://127.0.0.1:$BACKEND_PORT/jwks.json" >/dev/null && break; sleep 0.2; done
TOKEN=$(cat "$OUT/token")
B="http://127.0.0.1:$BACKEND_PORT"

# GET /v1/offers/** is made public here, so /v1/offers/fast is the same route as
# /v1/products/fast (entitlement-catalog) without the token; rate limits off so that the
# bench's single client is not refused
start_gateway() { # jar port log
  # shellcheck disable=SC2086
  SPRING_APPLICATION_JSON='{"platform":{"security":{"public-paths":["POST /v1/oauth/token","GET /v1/offers/**"]},"gateway":{"rate-limits":{"enabled":false},"bulkhead":{"max-concurrent-calls":100000}}}}' \
  SERVER_PORT=$2 PLATFORM_SECURITY_JWKS_URI="$B/jwks.json" \
  PLATFORM_SERVICES_PARTNER=$B PLATFORM_SERVICES_ENTITLEMENT=$B PLATFORM_SERVICES_BILLING=$B PLATFORM_SERVICES_CONSOLE=$B \
  SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
    taskset -c "$GW_CPU" "$JDK/bin/java" $GW_OPTS -jar "$1" > "$3" 2>&1 &
}
await_gateway() { # port log
  for _ in $(seq 900); do curl -fs "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:$1/actuator/health" | grep -q UP || { echo "gateway did not start: $2"; exit 1; }
}
start_gateway "$JAR" "$GW_PORT" "$OUT/gateway.log"
GW_PID=$!
pids+=($GW_PID)
await_gateway "$GW_PORT" "$OUT/gateway.log"
JAR2=${JAR2:-}
GW2_PORT=$((GW_PORT + 1))
if [ -n "$JAR2" ]; then
  start_gateway "$JAR2" "$GW2_PORT" "$OUT/gateway2.log"
  GW2_PID=$!
  pids+=($GW2_PID)
  await_gateway "$GW2_PORT" "$OUT/gateway2.log"
  echo "gw-*: $JAR, gw2-*: $JAR2" | tee -a "$OUT/summary.txt"
fi
G="http://127.0.0.1:$GW_PORT"
AUTH="Authorization: Bearer $TOKEN"

cpu_ticks() { # utime + stime of a process, all threads (fields 14 and 15 after the comm)
  sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

jit_ticks() { # the same, of its JIT compiler threads only
  local t sum=0
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) sum=$(( sum + $(sed 's/^.*) //' "$t/stat" | awk '{print $12 + $13}') )) ;;
    esac
  done
  echo "$sum"
}

measure() { # name pid url [auth]
  local name=$1 pid=$2 url=$3 auth=${4:-}
  local args=(-t1 -c"$CONNS" -d"$DURATION" --timeout 5s)
  [ -n "$auth" ] && args+=(-H "$auth")
  local t0 t1 j0 j1
  t0=$(cpu_ticks "$pid"); j0=$(jit_ticks "$pid")
  taskset -c "$LOAD_CPU" wrk "${args[@]}" "$url" > "$OUT/$name.txt"
  t1=$(cpu_ticks "$pid"); j1=$(jit_ticks "$pid")
  local requests bad
  requests=$(awk '/requests in/ {print $1}' "$OUT/$name.txt")
  bad=$(grep -E "Socket errors|Non-2xx" "$OUT/$name.txt" | tr '\n' ' ' || true)
  awk -v n="$name" -v t=$((t1 - t0)) -v j=$((j1 - j0)) -v hz="$TICKS" -v r="$requests" -v b="$bad" 'BEGIN {
    printf "%-9s %8d requests %7.2f s CPU %6.3f ms CPU/request, %6.3f without the JIT compiler threads %s\n",
      n, r, t / hz, 1000 * t / hz / r, 1000 * (t - j) / hz / r, b }' \
    | tee -a "$OUT/summary.txt"
}

warm() { taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNS" -d"$WARMUP" ${2:+-H "$2"} "$1" >/dev/null; }
echo "warm-up ($WARMUP per route)"
warm "$G/v1/products/fast" "$AUTH"
warm "$G/v1/offers/fast"
warm "$G/v3/api-docs/partner"
if [ -n "$JAR2" ]; then
  G2="http://127.0.0.1:$GW2_PORT"
  warm "$G2/v1/products/fast" "$AUTH"
  warm "$G2/v1/offers/fast"
  warm "$G2/v3/api-docs/partner"
fi

jfr_start() { [ -n "${JFR:-}" ] && [ "$round" = "$ROUNDS" ] || return 0
  "$JDK/bin/jcmd" "${2:-$GW_PID}" JFR.start name="$1" settings=profile filename="$OUT/$1.jfr" >/dev/null; }
jfr_stop() { [ -n "${JFR:-}" ] && [ "$round" = "$ROUNDS" ] || return 0
  "$JDK/bin/jcmd" "${2:-$GW_PID}" JFR.stop name="$1" >/dev/null
  echo "JFR of $1: $OUT/$1.jfr ($JDK/bin/jfr view hot-methods $OUT/$1.jfr)"; }
# in turn, ROUNDS times: a case measured first after the warm-up pays for more of the JIT's
# remaining work (its figure without the JIT threads still includes slower code), so
# compare cases within a later round
for round in $(seq "$ROUNDS"); do
  [ "$ROUNDS" -gt 1 ] && echo "round $round" | tee -a "$OUT/summary.txt"
  jfr_start gw-jwt; measure gw-jwt "$GW_PID" "$G/v1/products/fast" "$AUTH"; jfr_stop gw-jwt
  jfr_start gw-nojwt; measure gw-nojwt "$GW_PID" "$G/v1/offers/fast"; jfr_stop gw-nojwt
  measure gw-bare "$GW_PID" "$G/v3/api-docs/partner"
  if [ -n "$JAR2" ]; then
    jfr_start gw2-jwt "$GW2_PID"; measure gw2-jwt "$GW2_PID" "$G2/v1/products/fast" "$AUTH"; jfr_stop gw2-jwt "$GW2_PID"
    jfr_start gw2-nojwt "$GW2_PID"; measure gw2-nojwt "$GW2_PID" "$G2/v1/offers/fast"; jfr_stop gw2-nojwt "$GW2_PID"
    measure gw2-bare "$GW2_PID" "$G2/v3/api-docs/partner"
  fi
  measure direct "$BACKEND_PID" "$B/v1/products/fast"
done
echo "(gw-bare: /v3/api-docs/partner, a route with no /v1 rules; direct: the backend's own CPU)" | tee -a "$OUT/summary.txt"
