#!/usr/bin/env bash
# What the request checks of issue 13 cost: bash bench/limits.sh [SHIPMENTS] [SECONDS_PER_PHASE] [ROUNDS] [CLIENTS]
# Starts the service twice on one database of its own (tradeflows_bench_limits: the open dataset plus SHIPMENTS
# synthetic shipments, generated once, deterministic, seed 1), once with the checks (the default) and once with
# tradeflows.limits.checks=false (a bench-only switch), each with a 512 MB heap and no rate limit, and drives both in
# turns with bench/SideBySideBench.java: the fact box and a page of shipments, kept and cold. Adds the ratios, with the
# conditions, to bench/RESULTS.md. A few minutes in all with the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-300000}"
SECONDS_PER_PHASE="${2:-6}"
ROUNDS="${3:-3}"
CLIENTS="${4:-8}"
WARMUP="${BENCH_WARMUP:-10}"
PROFILE_SECONDS="${BENCH_PROFILE_SECONDS:-20}"
PORT_ON="${BENCH_PORT_ON:-8186}"
PORT_OFF="${BENCH_PORT_OFF:-8187}"
DB=tradeflows_bench_limits
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$DB"
createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
WORK=target/bench-limits
mkdir -p "$WORK"

[ -f target/quarkus-app/quarkus-run.jar ] || mvn -o -q package -DskipTests
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo "+changes")

SERVICES=""
trap 'for p in $SERVICES; do kill "$p" 2>/dev/null || true; done' EXIT
start() { # port, checks
  if curl -s -o /dev/null "http://localhost:$1/"; then
    echo "port $1 is taken (by another service); set BENCH_PORT_ON / BENCH_PORT_OFF" >&2
    exit 1
  fi
  java -Xmx512m -Dquarkus.http.port="$1" -Dtradeflows.limits.rate-limit.enabled=false -Dtradeflows.limits.checks="$2" \
    -jar target/quarkus-app/quarkus-run.jar > "$WORK/service-$2.log" 2>&1 &
  local pid=$!
  SERVICES="$SERVICES $pid"
  LAST_PID=$pid
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    curl -sf "http://localhost:$1/q/health/ready" > /dev/null && return 0
    sleep 1
  done
  echo "the service on port $1 did not start; see $WORK/service-$2.log" >&2
  exit 1
}
# one at a time: the first start loads the open dataset
start "$PORT_ON" true
PID_ON=$LAST_PID
java -Xmx1g -jar target/quarkus-app/quarkus-run.jar generate --name "limits-$N" --shipments "$N" --companies 5000 --seed 1
start "$PORT_OFF" false
PID_OFF=$LAST_PID

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u +%Y-%m-%dT%H:%M:%S)
java bench/SideBySideBench.java --a "http://localhost:$PORT_ON" --a-pids "$PID_ON" --a-name "with checks" \
  --b "http://localhost:$PORT_OFF" --b-pids "$PID_OFF" --b-name "without checks" --source "synthetic-limits-$N" --seconds "$SECONDS_PER_PHASE" --rounds "$ROUNDS" --clients "$CLIENTS" \
  --warmup "$WARMUP" --profile-seconds "$PROFILE_SECONDS" --work "$WORK" --table "$WORK/table.md" | tee "$WORK/driver.log"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo
  echo "## Cost of the request checks (issue 13), run of $STARTED"
  echo
  echo "How to rerun: \`bash bench/limits.sh [SHIPMENTS] [SECONDS_PER_PHASE] [ROUNDS] [CLIENTS]\`. The same jar runs twice on one"
  echo "database: with the checks (depth, cost and expanded field count measured before validation and again before"
  echo "execution; the request's time budget, its timer and its register of running statements; the stop of mutations past"
  echo "the budget) and with \`tradeflows.limits.checks=false\`, a bench-only switch. The two take turns phase by phase,"
  echo "the first swapped every round. Two ratios per round: throughput with the checks / without, and the service's CPU time"
  echo "per request (its JVM's user + system time from /proc) without / with; cost = 1 - the median CPU ratio. On a machine shared"
  echo "with other work the CPU a request costs is the steadier figure; the throughput ratio moves with what else runs."
  echo "Kept: the same request (2024) every time, answered from the answers the server keeps. Cold: new variables (a window"
  echo "of 30-91 days anywhere in 2015-2024) every request, so the query runs every time. All by POST, JSON. Then each cold"
  echo "mix runs alone for $PROFILE_SECONDS s on the service with the checks under Java Flight Recorder (a sample of each running thread"
  echo "every 10 ms); the share of its samples with a class of the checks on the stack (RequestLimitsInstrumentation,"
  echo "QueryShape, RequestBudget, RequestBudgets: self and callees) is the share of the service's CPU spent checking, a"
  echo "figure the load of other work on the machine does not move."
  echo
  echo "- data: the open dataset plus $N synthetic shipments (\`synthetic-limits-$N\`, 5,000 companies, seed 1); commit $COMMIT"
  echo "- machine: $(nproc) cores (shared with other sessions), $(uname -sr), $(java -version 2>&1 | head -1); each service -Xmx512m"
  echo "- $CLIENTS clients, $SECONDS_PER_PHASE s a phase after $WARMUP s of warm-up per mix and service, $ROUNDS rounds"
  echo "- load average before: $LOAD_BEFORE; after: $LOAD_AFTER"
  echo
  cat "$WORK/table.md"
  echo
  # the first table: the two services side by side; the second: the share of the profiled samples spent checking
  awk -F'|' '/^$/ { table++ } table == 0 && NR > 2 { gsub(/ /, "", $8); c = (1 - $8) * 100; worst = (NR == 3 || c > worst) ? c : worst }
    table == 1 && $5 ~ /%/ { gsub(/[ %]/, "", $5); share = ($5 + 0 > share) ? $5 + 0 : share; profiled = 1 }
    END { printf "Target (issue 13): under 3 %% of throughput — by CPU per request side by side: %s (largest median cost %.1f %%, within the noise of a shared machine: see the spread of the rounds)", (worst < 3 ? "met" : "not met"), worst
          if (profiled) printf "; by the profile of the service with the checks: %s (largest share of its samples spent in the checks %.1f %%)", (share < 3 ? "met" : "not met"), share
          print "." }' \
    "$WORK/table.md"
} > "$WORK/result.md"
cat "$WORK/result.md"
# the newest run comes first, under the marker
python3 bench/add-run.py "$WORK/result.md"
