#!/usr/bin/env bash
# Computed and kept answers side by side (issue 22): bash bench/cold-kept.sh [SHIPMENTS] [SECONDS_PER_PHASE] [CLIENTS] [SAMPLES]
# Starts the built service (-Xmx512m, no rate limit) on a database of its own (tradeflows_bench_coldkept: the open
# dataset plus SHIPMENTS synthetic shipments, generated once, deterministic, seed 1) and drives it with
# bench/ColdKeptBench.java: the fact box and a page of shipments, each (1) right after a data change, (2) with
# variables never asked before and (3) repeated, answered from the answers the server keeps. Writes the table with the
# conditions (commit, machine, load average before and after) at the top of the runs in bench/RESULTS.md.
# Env: BENCH_PORT (8188), BENCH_DB, BENCH_WARMUP (requests per query before measuring, 200), BUILD=1 to package first.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
SECONDS_PER_PHASE="${2:-10}"
CLIENTS="${3:-8}"
SAMPLES="${4:-21}"
PORT="${BENCH_PORT:-8188}"
DB="${BENCH_DB:-tradeflows_bench_coldkept}"
WARMUP="${BENCH_WARMUP:-200}"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$DB"
createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
WORK=target/bench-coldkept
mkdir -p "$WORK"

if [ "${BUILD:-0}" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then ./mvnw -o -q package -DskipTests; fi
if git rev-parse --git-dir > /dev/null 2>&1; then
  COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo "+changes")
else # a tree exported by git archive: say which commit it is
  COMMIT="${BENCH_COMMIT:?not a git checkout: set BENCH_COMMIT to the commit this tree was exported from}"
fi

if curl -s -o /dev/null "http://localhost:$PORT/"; then
  echo "port $PORT is taken (by another service); set BENCH_PORT" >&2
  exit 1
fi
java -Xmx512m -Dquarkus.http.port="$PORT" -Dtradeflows.limits.rate-limit.enabled=false \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  kill -0 "$SERVICE" 2>/dev/null || break
  curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done
curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null || { echo "the service did not start; see $WORK/service.log" >&2; exit 1; }
java -Xmx1g -jar target/quarkus-app/quarkus-run.jar generate --name "coldkept-$N" --shipments "$N" --companies 5000 --seed 1

PGJDBC="$(ls target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u +%Y-%m-%dT%H:%M:%S)
java -cp "$PGJDBC" bench/ColdKeptBench.java --url "http://localhost:$PORT" --jdbc "$QUARKUS_DATASOURCE_JDBC_URL" \
  --source "synthetic-coldkept-$N" --seconds "$SECONDS_PER_PHASE" --clients "$CLIENTS" --samples "$SAMPLES" \
  --warmup "$WARMUP" --table "$WORK/table.md" | tee "$WORK/driver.log"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
HEAP=$(curl -s "http://localhost:$PORT/q/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ { s += $NF } END { printf "%.0f", s / 1e6 }')

{
  echo
  echo "## Computed and kept answers side by side (issue 22), run of $STARTED"
  echo
  echo "How to rerun: \`bash bench/cold-kept.sh [SHIPMENTS] [SECONDS_PER_PHASE] [CLIENTS] [SAMPLES]\`. Three ways to ask the same"
  echo "question, by POST: **after a data change** (the data version bumped right before, as any load or correction does:"
  echo "computed), **never asked before** (a new window of 30-91 days, and for the page a new chapter, every request:"
  echo "computed) and **kept** (the same request again: sent from the answers the server keeps, after one read of the data"
  echo "version). Latencies are of one request at a time ($SAMPLES each, client-side, through HTTP); req/s at $CLIENTS clients"
  echo "for $SECONDS_PER_PHASE s. \"statements\" is the service's own SQL statement counter per request: 1 means only the data"
  echo "version was read, so the answer was kept, not computed. A target on a question asked cold is met only by the"
  echo "computed columns."
  echo
  echo "- data: the open dataset plus $N synthetic shipments (\`synthetic-coldkept-$N\`, 5,000 companies, seed 1); commit $COMMIT"
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); shared with other sessions), $(uname -sr), $(java -version 2>&1 | head -1); service -Xmx512m, driver on the same machine"
  echo "- load average before: $LOAD_BEFORE; after: $LOAD_AFTER; service heap used at the end: $HEAP MB (bounded by -Xmx512m)"
  echo
  cat "$WORK/table.md"
} > "$WORK/result.md"
cat "$WORK/result.md"
# the newest run comes first, under the marker
python3 bench/add-run.py "$WORK/result.md"
