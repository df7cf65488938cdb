#!/usr/bin/env bash
# Reruns the Tradeflows benchmark: bash bench/run.sh [SHIPMENTS] [SECONDS_PER_PHASE]
# Builds the service, starts it on its own database (tradeflows_bench: synthetic data is never mixed into the open
# dataset) with a 512 MB heap, generates SHIPMENTS synthetic shipments once (deterministic, seed 1), drives the API,
# and adds the figures to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000000}"
SECONDS_PER_PHASE="${2:-20}"
PORT="${BENCH_PORT:-8180}"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/tradeflows_bench"

mvn -q package -DskipTests
java -Xmx512m -Dquarkus.http.port="$PORT" -Dtradeflows.limits.rate-limit.enabled=false -jar target/quarkus-app/quarkus-run.jar > target/bench-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done
curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null

java -Xmx2g -jar target/quarkus-app/quarkus-run.jar generate --name "bench-$N" --shipments "$N" --companies 40000 --seed 1

PGJDBC="$(ls target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)"
java -cp "$PGJDBC" bench/Bench.java --url "http://localhost:$PORT" --jdbc "$QUARKUS_DATASOURCE_JDBC_URL" \
  --source "synthetic-bench-$N" --seconds "$SECONDS_PER_PHASE" --out bench/RESULTS.md
