#!/usr/bin/env bash
# Gateway benchmark: JWT vs no JWT, gateway vs direct on a 20 ms backend, added latency at
# half the direct rate, and a soak at 70 % load. See docs/benchmarks.md.
#
#   deploy/bench/run.sh                      # 20 s per measurement, 2 min soak
#   DURATION=60s SOAK=600s deploy/bench/run.sh   # the full 10-minute soak
#
# Needs: wrk (apt-get install -y wrk), taskset, the gateway exec jar
# (./mvnw -o -q -pl gateway package -DskipTests). Gateway on CPU 0; backend and wrk on CPU 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JCMD=${JCMD:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd}
JAR=${JAR:-gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar}
DURATION=${DURATION:-20s}
SOAK=${SOAK:-120s}
GW_CPU=${GW_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
BACKEND_PORT=${BACKEND_PORT:-9191}
GW_PORT=${GW_PORT:-9180}
FAST_CONNS=${FAST_CONNS:-64}
SLOW_CONNS=${SLOW_CONNS:-256}
OUT=$(mktemp -d /tmp/gateway-bench.XXXXXX)
echo "results in $OUT"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

taskset -c "$LOAD_CPU" "$JAVA" deploy/bench/BenchBackend.java "$BACKEND_PORT" "$OUT" > "$OUT/backend.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$OUT/token" ] && curl -fs "http://127.0.0.1:$BACKEND_PORT/jwks.json" >/dev/null && break; sleep 0.2; done
TOKEN=$(cat "$OUT/token")
B="http://127.0.0.1:$BACKEND_PORT"

# the same catalog route with and without a token: GET /v1/offers/** is made public here
SPRING_APPLICATION_JSON='{"platform":{"security":{"public-paths":["POST /v1/oauth/token","GET /v1/offers/**"]},"gateway":{"rate-limits":{"enabled":false},"bulkhead":{"max-concurrent-calls":100000}}}}' \
SERVER_PORT=$GW_PORT PLATFORM_SECURITY_JWKS_URI="$B/jwks.json" \
PLATFORM_SERVICES_PARTNER=$B PLATFORM_SERVICES_ENTITLEMENT=$B PLATFORM_SERVICES_BILLING=$B PLATFORM_SERVICES_CONSOLE=$B \
SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
  taskset -c "$GW_CPU" "$JAVA" -Xms256m -Xmx256m -jar "$JAR" > "$OUT/gateway.log" 2>&1 &
GW_PID=$!
pids+=($GW_PID)
for _ in $(seq 150); do curl -fs "http://127.0.0.1:$GW_PORT/actuator/health" | grep -q UP && break; sleep 0.2; done
G="http://127.0.0.1:$GW_PORT"
AUTH="Authorization: Bearer $TOKEN"

wrk_run() { # name conns url [auth] [extra wrk args]
  local name=$1 conns=$2 url=$3 auth=${4:-}; shift 4 || shift $#
  local args=(-t1 -c"$conns" -d"$DURATION" --latency --timeout 5s)
  [ -n "$auth" ] && args+=(-H "$auth")
  taskset -c "$LOAD_CPU" wrk "${args[@]}" "$@" "$url" > "$OUT/$name.txt"
  local rps p50 p99 errs
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/$name.txt")
  errs=$(grep -E "Socket errors|Non-2xx" "$OUT/$name.txt" | tr '\n' ' ' || true)
  printf '%-22s conns=%-4s rps=%-10s p50=%-9s p99=%-9s %s\n' "$name" "$conns" "$rps" "$p50" "$p99" "$errs" | tee -a "$OUT/summary.txt"
  echo "$rps" > "$OUT/$name.rps"
}

echo "warm-up"; DURATION=10s wrk_run warmup-jwt "$FAST_CONNS" "$G/v1/products/fast" "$AUTH" >/dev/null
DURATION=10s wrk_run warmup-slow "$SLOW_CONNS" "$G/v1/products/slow" "$AUTH" >/dev/null
DURATION=5s wrk_run warmup-nojwt "$FAST_CONNS" "$G/v1/offers/fast" "" >/dev/null

wrk_run gw-jwt "$FAST_CONNS" "$G/v1/products/fast" "$AUTH"
wrk_run gw-nojwt "$FAST_CONNS" "$G/v1/offers/fast" ""
wrk_run direct-20ms "$SLOW_CONNS" "$B/v1/products/slow" ""
wrk_run gw-20ms "$SLOW_CONNS" "$G/v1/products/slow" "$AUTH"

direct=$(cat "$OUT/direct-20ms.rps"); gw=$(cat "$OUT/gw-20ms.rps")
half_conns=$(awk -v r="$direct" 'BEGIN { c = int(r / 2 * 0.0205 + 0.5); print (c < 1 ? 1 : c) }')
wrk_run direct-half "$half_conns" "$B/v1/products/slow" ""
wrk_run gw-half "$half_conns" "$G/v1/products/slow" "$AUTH"

soak_conns=$(awk -v r="$gw" 'BEGIN { c = int(r * 0.7 * 0.0205 + 0.5); print (c < 1 ? 1 : c) }')
# the heap line of GC.heap_info right after a full GC (its "used" is the live set)
heap() { "$JCMD" "$GW_PID" GC.run >/dev/null; sleep 1; { "$JCMD" "$GW_PID" GC.heap_info | grep -iE "heap|generation|used" | tr -s ' ' | paste -sd';' -; } || true; }
before=$(heap)
DURATION=$SOAK wrk_run soak-70pct "$soak_conns" "$G/v1/products/slow" "$AUTH"
after=$(heap)
echo "heap used after full GC: before soak $before, after soak $after" | tee -a "$OUT/summary.txt"

awk -v a="$(cat "$OUT/gw-jwt.rps")" -v b="$(cat "$OUT/gw-nojwt.rps")" -v d="$direct" -v g="$gw" 'BEGIN {
  printf "JWT / no JWT throughput: %.1f %%\n", 100 * a / b;
  printf "gateway / direct (20 ms backend): %.1f %%\n", 100 * g / d }' | tee -a "$OUT/summary.txt"
echo "full wrk outputs and logs in $OUT"
