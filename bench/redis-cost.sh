#!/usr/bin/env bash
# What the shared Redis adds per request on the kept-answer path: bash bench/redis-cost.sh [N] [ROUNDS]
# Starts a redis-server of its own (port 16380, nothing on disk) and the built service twice on one database
# (tradeflows_bench_redis), once without and once with tradeflows.redis.url, rate limits on (so every request makes its
# one EVALSHA round trip; the kept answer itself comes from memory), drives both in turns with one client
# (bench/RedisCostBench.java), then prints the services' own timer of Redis round trips and the load average.
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
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/RedisCostBench.java "http://localhost:$PORT_WITHOUT" "http://localhost:$PORT_WITH" "$N" "$ROUNDS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "the instance's own timer of Redis round trips (seconds):"
curl -s "http://localhost:$PORT_WITH/q/metrics" | grep '^tradeflows_redis_commands_seconds{' || true
echo "redis-cli --latency for 3 s (min, max, avg ms, samples):"
timeout 3 redis-cli -p "$REDIS_PORT" --latency --raw || true
