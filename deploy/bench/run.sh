#!/usr/bin/env bash
# Gateway benchmark: JWT vs no JWT, gateway vs direct on a 20 ms backend, added latency at
# half the direct rate, and a soak at 70 % load. See docs/benchmarks.md.
#
#   deploy/bench/run.sh                      # 20 s per measurement, 2 min soak
#   DURATION=30s SOAK=600s deploy/bench/run.sh   # the full 10-minute soak
#   GW_JAVA_OPTS="-XX:+UseZGC -Xlog:gc:file=/tmp/gw-gc.log" deploy/bench/run.sh   # gateway JVM options
#
# During the soak the gateway's live heap (heap used right after a full GC, via jcmd
# GC.run + GC.heap_info) is probed every SOAK_PROBE seconds (default: a tenth of the soak)
# into heap.tsv; the summary reports its growth from the first probe after warm-up to the
# last. CPU time per request: deploy/bench/cpu-per-request.sh.
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
for port in "$BACKEND_PORT" "$GW_PORT"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use: stop what listens there"; exit 1; fi
done
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

taskset -c "$LOAD_CPU" "$JAVA" deploy/bench/BenchBackend.java "$BACKEND_PORT" "$OUT" > "$OUT/backend.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$OUT/token" ] && curl -fs "http://127.0.0.1:$BACKEND_PORT/jwks.json" >/dev/null && break; sleep 0.2; done
TOKEN=$(cat "$OUT/token")
B="http://127.0.0.1:$BACKEND_PORT"

# the same catalog route with and without a token: GET /v1/offers/** is made public here
SPRING_APPLICATION_JSON='{"platform":{"security":{"public-paths":["POST /v1/oauth/token","GET /v1/offers/**"]},"gateway":{"rate-limits":{"enabled":false},"bulkhead":{"max-concurrent-calls":100000}}},"logging":{"level":{"org.apache.kafka":"WARN"}}}' \
SERVER_PORT=$GW_PORT PLATFORM_SECURITY_JWKS_URI="$B/jwks.json" \
PLATFORM_SERVICES_PARTNER=$B PLATFORM_SERVICES_ENTITLEMENT=$B PLATFORM_SERVICES_BILLING=$B PLATFORM_SERVICES_CONSOLE=$B \
SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
  taskset -c "$GW_CPU" "$JAVA" -Xms256m -Xmx256m ${GW_JAVA_OPTS:-} -jar "$JAR" > "$OUT/gateway.log" 2>&1 &
GW_PID=$!
pids+=($GW_PID)
# a busy machine may take a minute or two to start it
for _ in $(seq 900); do curl -fs "http://127.0.0.1:$GW_PORT/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$GW_PORT/actuator/health" | grep -q UP || { echo "gateway did not start: $OUT/gateway.log"; exit 1; }
G="http://127.0.0.1:$GW_PORT"
AUTH="Authorization: Bearer $TOKEN"

ms() { # a wrk latency (850.00us, 20.31ms, 1.02s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

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
  ms "$p50" > "$OUT/$name.p50"; ms "$p99" > "$OUT/$name.p99"
}

# The JIT compiles on the gateway's one core: warm every case up in turn for WARMUP in all
# (a case measured right after a short warm-up pays for compilation still in progress),
# then measure JWT and no-JWT ROUNDS times in turn and keep the last round of each.
WARMUP=${WARMUP:-60s}
ROUNDS=${ROUNDS:-2}
warm_slice=$(( ${WARMUP%s} / 6 > 1 ? ${WARMUP%s} / 6 : 1 ))s
echo "warm-up ($WARMUP)"
for _ in 1 2; do
  DURATION=$warm_slice wrk_run warmup-jwt "$FAST_CONNS" "$G/v1/products/fast" "$AUTH" >/dev/null
  DURATION=$warm_slice wrk_run warmup-nojwt "$FAST_CONNS" "$G/v1/offers/fast" "" >/dev/null
  DURATION=$warm_slice wrk_run warmup-slow "$SLOW_CONNS" "$G/v1/products/slow" "$AUTH" >/dev/null
done

for round in $(seq "$ROUNDS"); do
  wrk_run "gw-jwt-r$round" "$FAST_CONNS" "$G/v1/products/fast" "$AUTH"
  wrk_run "gw-nojwt-r$round" "$FAST_CONNS" "$G/v1/offers/fast" ""
done
for f in rps p50 p99; do
  cp "$OUT/gw-jwt-r$ROUNDS.$f" "$OUT/gw-jwt.$f"; cp "$OUT/gw-nojwt-r$ROUNDS.$f" "$OUT/gw-nojwt.$f"
done
wrk_run direct-20ms "$SLOW_CONNS" "$B/v1/products/slow" ""
wrk_run gw-20ms "$SLOW_CONNS" "$G/v1/products/slow" "$AUTH"
# the same comparison at a concurrency the gateway's one core can carry (MODERATE_CONNS
# connections on a 20 ms backend: about 50 requests/s each)
MODERATE_CONNS=${MODERATE_CONNS:-32}
wrk_run direct-20ms-moderate "$MODERATE_CONNS" "$B/v1/products/slow" ""
wrk_run gw-20ms-moderate "$MODERATE_CONNS" "$G/v1/products/slow" "$AUTH"

direct=$(cat "$OUT/direct-20ms.rps"); gw=$(cat "$OUT/gw-20ms.rps")
half_conns=$(awk -v r="$direct" 'BEGIN { c = int(r / 2 * 0.0205 + 0.5); print (c < 1 ? 1 : c) }')
wrk_run direct-half "$half_conns" "$B/v1/products/slow" ""
wrk_run gw-half "$half_conns" "$G/v1/products/slow" "$AUTH"

soak_conns=$(awk -v r="$gw" 'BEGIN { c = int(r * 0.7 * 0.0205 + 0.5); print (c < 1 ? 1 : c) }')
soak_s=${SOAK%s}
SOAK_PROBE=${SOAK_PROBE:-$(( soak_s / 10 > 5 ? soak_s / 10 : 5 ))}
# live heap: the "used" of the heap's generations right after a full GC, in KB
# (GC.heap_info names them "DefNew"/"Tenured" for SerialGC, which a one-CPU JVM picks,
# "garbage-first heap" for G1, "PSYoungGen"/"ParOldGen" for ParallelGC)
live_heap_kb() {
  "$JCMD" "$GW_PID" GC.run >/dev/null 2>&1 || return 0
  "$JCMD" "$GW_PID" GC.heap_info 2>/dev/null | awk '
    /^ *(DefNew|Tenured|def new generation|tenured generation|garbage-first heap|PSYoungGen|ParOldGen|ZHeap|Shenandoah)/ &&
      match($0, /used [0-9]+K/) { s += substr($0, RSTART + 5, RLENGTH - 6) } END { print s + 0 }'
}
echo "live heap before soak: $(live_heap_kb) KB" | tee -a "$OUT/summary.txt"
printf 'seconds\tlive_heap_kb\n' > "$OUT/heap.tsv"
( start=$(date +%s); sleep "$SOAK_PROBE"
  while kill -0 "$GW_PID" 2>/dev/null && [ ! -e "$OUT/soak.done" ]; do
    printf '%s\t%s\n' "$(( $(date +%s) - start ))" "$(live_heap_kb)" >> "$OUT/heap.tsv"
    sleep "$SOAK_PROBE"
  done ) &
probe=$!
pids+=($probe)
DURATION=$SOAK wrk_run soak-70pct "$soak_conns" "$G/v1/products/slow" "$AUTH"
touch "$OUT/soak.done"; wait "$probe" 2>/dev/null || true
printf '%s\t%s\n' "end" "$(live_heap_kb)" >> "$OUT/heap.tsv"
soak_errors=$(grep -E "Socket errors|Non-2xx" "$OUT/soak-70pct.txt" | tr '\n' ' ' || true)
echo "soak: ${soak_errors:-no socket errors, no timeouts, no non-2xx responses}" | tee -a "$OUT/summary.txt"
# growth from the first probe (after the soak's own warm-up) to the last one
awk -F'\t' 'NR > 1 { n++; v[n] = $2; t[n] = $1 } END {
  if (n < 2) { print "live heap after GC: too few probes (SOAK_PROBE too long?)"; exit }
  if (v[1] <= 0) { print "live heap after GC: no figure (did jcmd reach the gateway?)"; exit }
  printf "live heap after GC during the soak: first %d KB (at %s s), last %d KB (%s), min %d, max %d over %d probes: growth %+d KB (%+.1f %%)\n",
    v[1], t[1], v[n], t[n], min(v, n), max(v, n), n, v[n] - v[1], 100 * (v[n] - v[1]) / v[1] }
  function min(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
  function max(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }' "$OUT/heap.tsv" \
  | tee -a "$OUT/summary.txt"

awk -v a="$(cat "$OUT/gw-jwt.rps")" -v b="$(cat "$OUT/gw-nojwt.rps")" -v d="$direct" -v g="$gw" -v sc="$SLOW_CONNS" -v mc="$MODERATE_CONNS" \
    -v md="$(cat "$OUT/direct-20ms-moderate.rps")" -v mg="$(cat "$OUT/gw-20ms-moderate.rps")" \
    -v g50="$(cat "$OUT/gw-half.p50")" -v d50="$(cat "$OUT/direct-half.p50")" \
    -v g99="$(cat "$OUT/gw-half.p99")" -v d99="$(cat "$OUT/direct-half.p99")" -v c="$half_conns" 'BEGIN {
  printf "JWT / no JWT throughput: %.1f %% (goal >= 90 %%)\n", 100 * a / b;
  printf "gateway / direct (20 ms backend, %d connections): %.1f %% (goal >= 90 %%)\n", sc, 100 * g / d;
  printf "gateway / direct (20 ms backend, %d connections): %.1f %%\n", mc, 100 * mg / md;
  printf "added latency at half the direct rate (%d connections): p50 %+.2f ms, p99 %+.2f ms (goal <= 1 / <= 5 ms)\n", c, g50 - d50, g99 - d99 }' \
  | tee -a "$OUT/summary.txt"
echo "full wrk outputs and logs in $OUT"
