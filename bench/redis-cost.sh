#!/usr/bin/env bash
# What the shared Redis adds per request on the kept-answer path: bash bench/redis-cost.sh [N] [ROUNDS]
# Starts a redis-server of its own (port 16380, nothing on disk) and the built service twice on one database
# (tradeflows_bench_redis), once without and once with tradeflows.redis.url, rate limits on (so every request makes its
# one EVALSHA round trip; the kept answer itself comes from memory), drives both in turns with one client
# (bench/RedisCostBench.java), and writes p50/p99 with and without, the services' own timer of Redis round trips and the
# conditions at the top of the runs in bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
ROUNDS="${2:-3}"
PORT_WITHOUT="${BENCH_PORT_WITHOUT:-8188}"
PORT_WITH="${BENCH_PORT_WITH:-8189}"
REDIS_PORT="${BENCH_REDIS_PORT:-16380}"
DB=tradeflows_bench_redis
WORK=target/bench-redis
mkdir -p "$WORK"
createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -o -q package -DskipTests

PIDS=""
cleanup() {
  for p in $PIDS; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
}
trap cleanup EXIT
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --pidfile "$(pwd)/$WORK/redis.pid"

start() { # port, extra -D
  java -Xmx512m -Dquarkus.http.port="$1" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$DB" \
    -Dtradeflows.limits.rate-limit.anonymous=100000000 $2 -jar target/quarkus-app/quarkus-run.jar > "$WORK/service-$1.log" 2>&1 &
  local pid=$!
  PIDS="$PIDS $pid"
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    curl -sf "http://localhost:$1/q/health/ready" > /dev/null && return 0
    sleep 1
  done
  echo "the service on port $1 did not start; see $WORK/service-$1.log" >&2
  exit 1
}
start "$PORT_WITHOUT" ""
start "$PORT_WITH" "-Dtradeflows.redis.url=redis://127.0.0.1:$REDIS_PORT"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average before: $LOAD_BEFORE"
STARTED=$(date -u +%Y-%m-%dT%H:%M:%S)
java bench/RedisCostBench.java "http://localhost:$PORT_WITHOUT" "http://localhost:$PORT_WITH" "$N" "$ROUNDS" | tee "$WORK/driver.log"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average after: $LOAD_AFTER"
echo "the instance's own timer of Redis round trips (seconds):"
curl -s "http://localhost:$PORT_WITH/q/metrics" | grep '^tradeflows_redis_commands_seconds{' | tee "$WORK/timer.txt" || true
echo "redis-cli --latency for 3 s (min, max, avg ms, samples):"
LATENCY=$(timeout 3 redis-cli -p "$REDIS_PORT" --latency --raw || true)
echo "$LATENCY"

# the table, with the conditions, at the top of the runs in bench/RESULTS.md
p50() { grep "^$1" "$WORK/driver.log" | sed -E 's/.*p50 ([0-9.]+) ms.*/\1/'; }
p99() { grep "^$1" "$WORK/driver.log" | sed -E 's/.*p99 ([0-9.]+) ms.*/\1/'; }
timer() { grep 'command="rate-limit"' "$WORK/timer.txt" | grep "quantile=\"$1\"" | awk '{printf "%.3f ms", $NF * 1000}'; }
ADDED=$(grep '^added by Redis at p50' "$WORK/driver.log" | sed -E 's/.*: ([-0-9.]+) ms/\1/')
VERDICT=$(awk -v a="$ADDED" 'BEGIN {print (a < 0.5 ? "met" : "not met")}')
TABLE="
## What the shared Redis adds per request (issue 20), run of $STARTED

How to rerun: \`bash bench/redis-cost.sh [N] [ROUNDS]\`. Two instances on one database (\`$DB\`, the open dataset), one
without and one with \`tradeflows.redis.url\` (a redis-server of the script's own on $REDIS_PORT), rate limits on; one
client (Java's HttpClient, HTTP/1.1 keep-alive) sends the same query to each in turns, $ROUNDS rounds of $N requests
after a warm-up. With Redis each request makes one round trip (the rate-limit script); the answer is kept in the
instance's memory after its first run, so this is the kept-answer path, where the round trip weighs most.

- commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo "+changes"); machine: $(nproc) cores (shared with other sessions), $(uname -sr), $(java -version 2>&1 | head -1)
- load average before: $LOAD_BEFORE; after: $LOAD_AFTER

| | p50 | p99 |
| --- | --- | --- |
| without Redis | $(p50 'without Redis') ms | $(p99 'without Redis') ms |
| with Redis | $(p50 'with Redis') ms | $(p99 'with Redis') ms |
| added at p50 | **$ADDED ms** | – |
| the instance's own timer of the script's round trip (\`tradeflows_redis_commands_seconds{command=\"rate-limit\"}\`) | $(timer 0.5) | $(timer 0.99) |
| \`redis-cli --latency\` right after the run (min, max, average ms, samples) | $LATENCY | – |

Target (issue 20): under 0.5 ms added at p50 — $VERDICT."
echo "$TABLE" > "$WORK/result.md"
python3 bench/add-run.py "$WORK/result.md"
