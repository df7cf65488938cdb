#!/usr/bin/env bash
# Two instances behind HAProxy against one instance directly (issue 20):
#   bash bench/cluster-speed.sh [SHIPMENTS] [SECONDS_PER_PHASE] [ROUNDS] [CLIENTS]
# Brings the topology of bench/cluster.sh up afresh (primary, streaming replica, Redis, two instances, HAProxy; rate
# limits counted in Redis as usual but set out of reach, so every request makes its Redis round trip and none is
# refused), adds SHIPMENTS synthetic shipments to its database once (deterministic, seed 1; the replica streams them),
# waits until both instances use the replica again, then drives the same mixes (bench/SideBySideBench.java: the fact
# box and a page of shipments, kept and cold) in turns through HAProxy (both instances) and at instance A directly.
# Adds the table, with the conditions, to bench/RESULTS.md under "<!-- cluster runs -->", and tears it all down.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-300000}"
SECONDS_PER_PHASE="${2:-6}"
ROUNDS="${3:-5}"
CLIENTS="${4:-8}"
WARMUP="${BENCH_WARMUP:-10}"
DB="${CLUSTER_DB:-tradeflows_cluster}"
LB_PORT="${CLUSTER_LB_PORT:-8190}"
PORT_A="${CLUSTER_PORT_A:-8191}"
PORT_B="${CLUSTER_PORT_B:-8192}"
CW="$(pwd)/target/cluster"
WORK=target/bench-cluster
mkdir -p "$WORK"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -o -q package -DskipTests
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo "+changes")

bash bench/cluster.sh down > /dev/null # a topology left by an earlier run would lack the bench's settings
trap 'bash bench/cluster.sh down' EXIT
CLUSTER_JAVA_OPTS="-Dtradeflows.limits.rate-limit.anonymous=100000000" bash bench/cluster.sh up | tee "$WORK/up.log"

QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$DB" java -Xmx1g -jar target/quarkus-app/quarkus-run.jar \
  generate --name "cluster-$N" --shipments "$N" --companies 5000 --seed 1

# the replica was taken out while it replayed the generated shipments: wait until both instances read from it again
REPLICA="none"
if grep -q "^replica: streaming" "$WORK/up.log"; then
  for _ in $(seq 1 300); do
    in_use=0
    for port in "$PORT_A" "$PORT_B"; do
      curl -s "http://127.0.0.1:$port/q/health" | grep -q '"replica-1" *: *"in use' && in_use=$((in_use + 1))
    done
    [ "$in_use" = 2 ] && break
    sleep 1
  done
  [ "$in_use" = 2 ] || { echo "the instances did not take the replica back in use; see target/cluster/" >&2; exit 1; }
  REPLICA="in use by both instances"
fi

reads() { # port: the instance's tradeflows_sql_queries_total per datasource, one line
  curl -s "http://127.0.0.1:$1/q/metrics" | awk -F'[{}" ]+' '/^tradeflows_sql_queries_total\{/ { printf "%s %d  ", $3, $4 }'
}
READS_BEFORE="A: $(reads "$PORT_A")/ B: $(reads "$PORT_B")"
PID_A=$(cat "$CW/instance-$PORT_A.pid")
PID_B=$(cat "$CW/instance-$PORT_B.pid")
PID_LB=$(cat "$CW/haproxy.pid")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u +%Y-%m-%dT%H:%M:%S)
java bench/SideBySideBench.java \
  --a "http://127.0.0.1:$LB_PORT" --a-pids "instance A=$PID_A,instance B=$PID_B,HAProxy=$PID_LB" --a-name "HAProxy + 2 instances" \
  --b "http://127.0.0.1:$PORT_A" --b-pids "$PID_A" --b-name "1 instance" \
  --source "synthetic-cluster-$N" --seconds "$SECONDS_PER_PHASE" --rounds "$ROUNDS" --clients "$CLIENTS" \
  --warmup "$WARMUP" --table "$WORK/table.md" | tee "$WORK/driver.log"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
READS_AFTER="A: $(reads "$PORT_A")/ B: $(reads "$PORT_B")"
STATUS=$(bash bench/cluster.sh status)

{
  echo
  echo "### Two instances behind HAProxy against one directly, run of $STARTED"
  echo
  echo "- commit $COMMIT; data: the open dataset plus $N synthetic shipments (\`synthetic-cluster-$N\`, 5,000 companies, seed 1) in \`$DB\`"
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB, **shared with other sessions' builds and tests, so noisy**; $(uname -sr), $(java -version 2>&1 | head -1); $(haproxy -v | head -1 | cut -d' ' -f1-3)"
  echo "- topology (bench/cluster.sh): primary 5432, streaming replica $REPLICA, redis-server of its own, instances A ($PORT_A) and B ($PORT_B) with -Xmx384m, HAProxy round robin on $LB_PORT; all on this machine"
  echo "- $CLIENTS clients (one JVM on the same machine), $SECONDS_PER_PHASE s a phase after $WARMUP s of warm-up per mix and set-up, $ROUNDS rounds taking turns (the first swapped every round); ratios and req/s are medians over the rounds, p50/p99 over all requests of a set-up"
  echo "- CPU per request: HAProxy + 2 instances = both JVMs and HAProxy; 1 instance = A's JVM (PostgreSQL's is in neither)"
  echo "- load average before: $LOAD_BEFORE; after: $LOAD_AFTER"
  echo "- reads per datasource (tradeflows_sql_queries_total) before: $READS_BEFORE; after: $READS_AFTER"
  echo
  cat "$WORK/table.md"
  echo
  echo "Topology after the run (\`bash bench/cluster.sh status\`):"
  echo
  echo '```'
  echo "$STATUS"
  echo '```'
} > "$WORK/result.md"
cat "$WORK/result.md"
# the newest run comes first, under the marker
python3 bench/add-run.py "$WORK/result.md" "<!-- cluster runs -->"
