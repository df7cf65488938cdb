#!/usr/bin/env bash
# Issue 18's load target: bash bench/live.sh [SUBSCRIBERS] [ROUNDS]   (env BENCH_PORT, default 8187)
# Starts the built service (-Xmx512m, its own database tradeflows_bench_live, no rate limit, the per-address socket cap
# raised to let one machine play SUBSCRIBERS readers) and, each round, opens SUBSCRIBERS idle graphql-transport-ws
# sockets, each subscribed to releasePublished (bench/LiveBench.java), measures the service's heap with them held
# (used, and live after a full GC, against the same before they opened), publishes one release by uploading a
# one-row BACI file with the admin key, and times its event's arrival at every subscriber. Adds the figures, with the
# conditions, at the top of the runs in bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
ROUNDS="${2:-3}"
PORT="${BENCH_PORT:-8187}"
DB=tradeflows_bench_live
KEY=bench-live-admin-key
WORK=target/bench-live
mkdir -p "$WORK"
createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -o -q package -DskipTests

TRADEFLOWS_ADMIN_KEY="$KEY" java -Xmx512m -Dquarkus.http.port="$PORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$DB" -Dtradeflows.limits.rate-limit.enabled=false \
  -Dtradeflows.live.anonymous-connections-per-address=$((N + 10)) \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  kill -0 "$SERVICE" 2>/dev/null || { echo "the service stopped; see $WORK/service.log" >&2; exit 1; }
  curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done

. bench/lib.sh
# the heap a full GC leaves: what the subscriptions themselves hold, apart from garbage not yet collected
live() { jcmd "$SERVICE" GC.run > /dev/null; jcmd "$SERVICE" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K","",v); printf "%d", v/1024; exit}}'; }

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$WORK/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  BASE_LIVE=$(live)
  rm -f "$WORK/go.$round"; mkfifo "$WORK/go.$round"
  java -Xmx1g bench/LiveBench.java "http://localhost:$PORT" "$N" "$KEY" "bench-live-$round" < "$WORK/go.$round" \
    > "$WORK/driver-$round.log" 2>&1 &
  DRIVER=$!
  exec 9> "$WORK/go.$round"
  for _ in $(seq 1 600); do
    grep -q READY "$WORK/driver-$round.log" && break
    kill -0 "$DRIVER" 2>/dev/null || { cat "$WORK/driver-$round.log" >&2; exit 1; }
    sleep 0.5
  done
  IDLE_USED=$(heap_mb "$PORT")
  IDLE_LIVE=$(live)
  ( while sleep 0.2; do heap_mb "$PORT"; echo; done ) > "$WORK/heap-$round.txt" &
  SAMPLER=$!
  echo go >&9
  exec 9>&-
  wait "$DRIVER" || true
  kill $SAMPLER 2>/dev/null || true
  PEAK=$(sort -n "$WORK/heap-$round.txt" | tail -1)
  RESULT=$(grep '^RESULT' "$WORK/driver-$round.log" || { cat "$WORK/driver-$round.log" >&2; exit 1; })
  echo "$RESULT base_live_mb=$BASE_LIVE idle_used_mb=$IDLE_USED idle_live_mb=$IDLE_LIVE peak_used_mb=${PEAK:-0}" | tee -a "$WORK/results.txt"
  rm -f "$WORK/go.$round"
  # the sockets are closed; wait until the service has let them all go before the next round
  for _ in $(seq 1 120); do
    [ "$(curl -s "http://localhost:$PORT/q/metrics" | awk '/^tradeflows_live_subscriptions/ {s+=$NF} END {printf "%d", s}')" = 0 ] && break
    sleep 0.5
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

field() { grep -o "$1=[^ ]*" "$WORK/results.txt" | cut -d= -f2 | median; }
ALL=$(field received)
LAST=$(field commit_last_ms)
if [ "$ALL" = "$N" ] && [ "$N" -ge 1000 ] && awk -v l="$LAST" -v h="$(field idle_live_mb)" -v p="$(field peak_used_mb)" \
    'BEGIN {exit !(l <= 2000 && h < 512 && p < 512)}'; then VERDICT="met"; else VERDICT="not met"; fi
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet || echo "+changes")
TABLE=$(cat <<EOF

## Idle subscriptions and a release fanned out (issue 18), run of $(date -u +%Y-%m-%dT%H:%M:%S)

How to rerun: \`bash bench/live.sh [SUBSCRIBERS] [ROUNDS]\`. One service (-Xmx512m), $N graphql-transport-ws sockets
from one client JVM, one \`releasePublished\` subscription each (the per-address socket cap raised to $((N + 10)) for
the run; the default, 5, is for the public). Each round opens them, measures the heap with them held idle, publishes a
release (a one-row BACI upload with the admin key) and times the event at every subscriber: from the upload's answer
(the release committed) and from the moment the upload was sent. "live" is the heap a full GC (\`jcmd GC.run\`) leaves,
so it is what the subscriptions hold; "used" includes garbage not yet collected and is bounded by -Xmx512m.
Medians of $ROUNDS rounds; every event is computed for this release, nothing is kept.

- commit $COMMIT; machine: $(nproc) cores (shared with other sessions), $(uname -sr), $(java -version 2>&1 | head -1)
- load average before: $LOAD; after: $LOAD_AFTER

| subscribers | received the event | from commit: p50 / p99 / last (ms) | from upload sent: last (ms) | heap live before → with them held (MB) | heap used held / peak in fan-out (MB) | opening all (s) |
| ---: | ---: | --- | ---: | --- | --- | ---: |
| $N | $ALL | $(field commit_p50_ms) / $(field commit_p99_ms) / $(field commit_last_ms) | $(field sent_last_ms) | $(field base_live_mb) → $(field idle_live_mb) | $(field idle_used_mb) / $(field peak_used_mb) | $(field open_s) |

Per round: $(sed 's/^RESULT //' "$WORK/results.txt" | paste -sd ';' | sed 's/;/; /g')

Target (issue 18): 1,000 idle subscriptions with heap under 512 MB and a release at all of them within 2 s — $VERDICT
(live heap with them held: $(field idle_live_mb) MB; the last subscriber $(field commit_last_ms) ms after the commit;
received by $ALL of $N).
EOF
)
echo "$TABLE"
# the newest run comes first, under the marker of the runs
echo "$TABLE" > "$WORK/result.md"
python3 bench/add-run.py "$WORK/result.md"
