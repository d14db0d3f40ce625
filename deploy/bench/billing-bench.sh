#!/usr/bin/env bash
# Billing benchmarks (issue 6): ingestion throughput/latency and a billing run at scale.
# Usage: deploy/bench/billing-bench.sh ingest [SECONDS] [CLIENTS] [EVENTS_PER_SECOND] [BATCH]
#        (BENCH_DUPLICATES=n: each client resends a batch after every n new ones, the one it sent
#        BENCH_RESEND_AGE new batches before, default 1; BENCH_TIMELINE=1: ack latency per second;
#        BENCH_RESOURCES=r: events round r resources an hour at a time, not 600 hours of one in a row;
#        BENCH_WARMUP=s: s seconds of warm-up instead of a third of the run, at most 10)
#        (BENCH_CONSUMER=later: the consumer is stopped after the warm-up and started when the
#        last batch is acknowledged: what acknowledging costs alone, then the consumer alone)
#        (EVENTS_PER_SECOND 0 or absent: as fast as answered; paced latencies count from when
#        a batch was due)
#        deploy/bench/billing-bench.sh run [ACCOUNTS] [RESOURCES]
#        deploy/bench/billing-bench.sh read [ROUNDS]   (CPU per event of reading and validating
#        events: a Jackson tree, as before, against one pass; no service, no database)
#        deploy/bench/billing-bench.sh record [BATCHES] [BATCH]   (CPU per event of the
#        consumer's store of a batch, JVM and PostgreSQL backend; no HTTP, no Kafka)
#        deploy/bench/billing-bench.sh keys [ROUNDS]   (time per event of each SHA-256 key of
#        the usage path; no service, no database)
# Needs PostgreSQL on 127.0.0.1:5432 (trust) like the tests; Kafka is the embedded KRaft
# broker of the test support (or TEST_KAFKA_BOOTSTRAP_SERVERS). Runs in one JVM with the
# load generator, so on a 2-core machine generator, service, broker and database share
# the cores. `ingest` also prints CPU time per event (this JVM, and the PostgreSQL
# backends of the benchmark's database from /proc) and PostgreSQL's row counts.
# BENCH_JAVA_OPTS adds JVM options, e.g. a JFR recording:
#   BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/ingest.jfr,settings=profile \
#     deploy/bench/billing-bench.sh ingest 30 4
#   jfr view hot-methods /tmp/ingest.jfr
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -pl billing-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="billing-service/target/test-classes:billing-service/target/classes:$(cat billing-service/target/bench-classpath.txt)"
case "${1:-}" in
  read) shift; exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$cp" com.cloudpartner.billing.usage.EventReadBenchmark "$@" ;;
  record) shift; exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$cp" com.cloudpartner.billing.usage.UsageRecordBenchmark "$@" ;;
  keys) shift; exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$cp" com.cloudpartner.billing.usage.KeyHashBenchmark "$@" ;;
esac
# The Parallel collector, as billing-service is deployed (docs/decisions/0077);
# BENCH_GC=-XX:+UseG1GC measures G1 instead (the JVM refuses two collectors in one command).
exec "$JAVA_HOME/bin/java" -Xmx1g ${BENCH_GC:--XX:+UseParallelGC} ${BENCH_JAVA_OPTS:-} -cp "$cp" com.cloudpartner.billing.bench.BillingBenchmark "$@"
