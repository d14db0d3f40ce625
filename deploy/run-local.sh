#!/usr/bin/env bash
# The README's first command: builds the services (tests skipped; `./mvnw verify` runs them),
# then starts the whole platform on embedded parts: PostgreSQL, a KRaft Kafka broker and the
# five services with demo data. Ctrl-C stops everything. State lives in deploy/data
# (PLATFORM_DATA_DIR); SKIP_BUILD=1 starts what was built last.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
if [ "${SKIP_BUILD:-0}" != 1 ]; then
	echo "Building the suite with $JAVA_HOME (the first build downloads dependencies from Maven Central) ..."
	./mvnw -q -B -ntp -DskipTests -Dspring-javaformat.skip=true package
fi
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m -cp "deploy/target/classes:deploy/target/lib/*" \
	com.cloudpartner.deploy.LocalRun
