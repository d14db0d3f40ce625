#!/usr/bin/env bash
# Spring Cloud Gateway's WebFlux server against its WebMVC server (issue 13): two minimal
# gateway apps (deploy/bench/scg-variants: the same two routes, the same cached RS256 check
# on /v1/** except /v1/offers/**) built with the product's versions, then measured with the
# product gateway's own scripts, on the same pinned core:
#   1. CPU per request, both jars in turn (cpu-per-request.sh with JAR and JAR2);
#   2. throughput and latency of each jar (run.sh: 64 connections on an instant backend,
#      256 on a 20 ms backend against the backend called directly, half the direct rate).
#
#   deploy/bench/scg-variants.sh                 # both parts
#   PART=cpu deploy/bench/scg-variants.sh        # only 1; PART=run: only 2
#   ROUNDS=3 WARMUP=30s DURATION=15s SOAK=10s deploy/bench/scg-variants.sh
#
# Needs: wrk, taskset, JDK 21+ (JAVA_HOME or temurin-25), the product's parent pom built
# once (./mvnw -q -DskipTests install).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
(cd deploy/bench/scg-variants && ../../../mvnw -B -ntp -q -DskipTests package)
FLUX=deploy/bench/scg-variants/webflux/target/scg-webflux-0.1.0-SNAPSHOT-exec.jar
MVC=deploy/bench/scg-variants/webmvc/target/scg-webmvc-0.1.0-SNAPSHOT-exec.jar
PART=${PART:-all}
if [ "$PART" = all ] || [ "$PART" = cpu ]; then
  echo "== CPU per request: gw-* WebFlux server, gw2-* WebMVC server"
  JAR=$FLUX JAR2=$MVC ROUNDS=${ROUNDS:-3} WARMUP=${WARMUP:-30s} DURATION=${DURATION:-15s} \
    deploy/bench/cpu-per-request.sh
fi
if [ "$PART" = all ] || [ "$PART" = run ]; then
  for jar in "$FLUX" "$MVC"; do
    echo "== throughput and latency: $jar"
    JAR=$jar DURATION=${DURATION:-15s} SOAK=${SOAK:-10s} WARMUP=${WARMUP:-30s} deploy/bench/run.sh
  done
fi
