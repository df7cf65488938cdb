#!/usr/bin/env bash
# Reruns the ingest benchmark (see INGEST.md): builds the service, prepares its own database (tradeflows_bench_ingest,
# migrated and given the reference data by starting the service once on port 8095), then runs IngestBench.java.
#   ROWS       rows for the database runs (default 300000)
#   STREAM_GB  gigabytes streamed through the Java side for the memory run (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-300000}
STREAM_GB=${STREAM_GB:-3}
DB_URL=${BENCH_DB_URL:-jdbc:postgresql://localhost:5432/tradeflows_bench_ingest}

mvn -q -B -DskipTests package
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime

QUARKUS_DATASOURCE_JDBC_URL=$DB_URL java -Dquarkus.http.port=8095 -jar target/quarkus-app/quarkus-run.jar \
  > target/bench-service.log 2>&1 &
SERVICE=$!
for _ in $(seq 1 120); do
  curl -sf localhost:8095/q/health/ready > /dev/null && break
  sleep 1
done
kill "$SERVICE"
wait "$SERVICE" || true

java -Xmx512m -cp "target/classes:$(cat target/bench-classpath.txt)" bench/IngestBench.java "$DB_URL" "$ROWS" "$STREAM_GB" \
  | tee bench/last-run.md

# Where the database's time goes: the same rows inserted with less and less of the table's machinery (rolled back).
DB_NAME=${DB_URL##*/}
{
  echo
  echo '## Database side: the same rows with less of the table (bench/ingest_breakdown.sql)'
  echo
  echo '```'
  psql -h 127.0.0.1 -U postgres -d "$DB_NAME" -v rows="$ROWS" -f bench/ingest_breakdown.sql 2>&1 \
    | grep -E '^[0-9]\.|^INSERT|^Time: [0-9]{4,}|rows_per_run|^ +[0-9]+$'
  echo '```'
} | tee -a bench/last-run.md
