#!/usr/bin/env bash
# What the service itself spends on a request nobody asked before (issue 16): service CPU and heap allocated per cold
# request, this checkout against a baseline commit, on one database, runs interleaved (base, new, base, new …).
#   bash bench/service-cost.sh          env: BASE=82e58f1 (a commit, built once into $RUN/base-app) or BASE_APP=dir,
#                                       NEW_APP=dir and NEW_COMMIT=name (default: this checkout, built first),
#                                       SHIPMENTS=200000, REPS=2, SECS=30, WARM=40, THREADS=4, QUERIES="q1 q0", NOTE="..."
# Each run starts the service (-Xmx512m, rate limit off, both kept-answer caches off, so every request is computed),
# warms it up for WARM s (JIT), then drives the query for SECS s with new variables on every request
# (bench/cold-driver.py) and reads the process's CPU time from /proc and the heap it allocated from its own metrics
# (jvm_gc_memory_allocated_bytes_total). On a shared 2-core machine CPU per request moves with the load; the
# allocation per request does not, so it is the steadier figure of the per-field work.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
REPO=$PWD
RUN="${SERVICE_COST_RUN:-/work/service-cost-run}"
BASE="${BASE:-82e58f1}"
SHIPMENTS="${SHIPMENTS:-200000}"; REPS="${REPS:-2}"; SECS="${SECS:-30}"; WARM="${WARM:-40}"; THREADS="${THREADS:-4}"
QUERIES="${QUERIES:-q1 q0}"
DB=tradeflows_bench_service
PORT=18296
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -Atq"
mkdir -p "$RUN"

if [ -n "${NEW_APP:-}" ]; then   # a build made elsewhere, NEW_COMMIT naming it
  rm -rf "$RUN/new-app" && cp -r "$NEW_APP" "$RUN/new-app"
  NEW_COMMIT="${NEW_COMMIT:-unknown}"
else
  ./mvnw -q package -DskipTests
  rm -rf "$RUN/new-app" && cp -r target/quarkus-app "$RUN/new-app"
  NEW_COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo "+changes")
fi
if [ -z "${BASE_APP:-}" ]; then
  if [ ! -d "$RUN/base-app-$BASE" ]; then
    rm -rf "$RUN/base-src" && git worktree add -f --detach "$RUN/base-src" "$BASE" > /dev/null
    (cd "$RUN/base-src" && ./mvnw -q package -DskipTests) && cp -r "$RUN/base-src/target/quarkus-app" "$RUN/base-app-$BASE"
    git worktree remove --force "$RUN/base-src"
  fi
  BASE_APP="$RUN/base-app-$BASE"
fi

PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; true' EXIT
start() {
  java -Xmx512m -Dquarkus.http.port=$PORT -Dtradeflows.limits.rate-limit.enabled=false \
    -Dtradeflows.answer-cache.enabled=false -Dtradeflows.response-cache.enabled=false \
    -jar "$1/quarkus-run.jar" > "$RUN/service.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null && return 0
    kill -0 "$PID" 2>/dev/null || { tail -20 "$RUN/service.log"; exit 1; }
    sleep 1
  done
  echo "the service did not become ready"; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
allocated() { curl -s "http://localhost:$PORT/q/metrics" | awk '/^jvm_gc_memory_allocated_bytes_total/ {print $2}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }

createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
start "$RUN/new-app"; stop   # migrates (the newer schema; the baseline reads the same tables)
if [ "$($PSQL -c "select count(*) from shipment where synthetic")" -lt "$SHIPMENTS" ]; then
  java -jar "$RUN/new-app/quarkus-run.jar" generate --shipments "$SHIPMENTS" --seed 1 > "$RUN/generate.log" 2>&1
  $PSQL -c "vacuum analyze"
fi
$PSQL -c "select hs2 from shipment where supplier_country = 'CN' and recipient_country = 'RU' group by 1
          having count(*) > 200 order by 1" > "$RUN/chapters.txt"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$RUN/runs.txt"
for rep in $(seq 1 "$REPS"); do
  for side in base new; do
    app="$RUN/new-app"; [ "$side" = base ] && app="$BASE_APP"
    start "$app"
    for q in $QUERIES; do
      python3 bench/cold-driver.py $PORT "$WARM" "$THREADS" "$q" "$RUN/chapters.txt" > /dev/null
      a0=$(allocated); t0=$(cpu_ticks)
      out=$(python3 bench/cold-driver.py $PORT "$SECS" "$THREADS" "$q" "$RUN/chapters.txt")
      t1=$(cpu_ticks); a1=$(allocated)
      n=${out% *}; errors=${out#* }
      echo "$side $q $n $errors $(python3 -c "print(round(($t1 - $t0) * 1000 / $(getconf CLK_TCK) / $n, 3), round(($a1 - $a0) / 1024 / $n, 1), round($n / $SECS, 1))") $(cut -d' ' -f1 /proc/loadavg)" \
        | tee -a "$RUN/runs.txt"
    done
    stop
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# a row per query and side: medians over the repetitions
TABLE=$(python3 - "$RUN/runs.txt" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
names = {"q1": "page of 50 shipments (pair, chapter, 1-3 months), cold", "q0": "{ __typename }"}
out = []
for q in dict.fromkeys(r[1] for r in rows):
    m = {}
    for side in ("base", "new"):
        rs = [r for r in rows if r[0] == side and r[1] == q]
        m[side] = [statistics.median(float(r[i]) for r in rs) for i in (4, 5, 6)] + [sum(int(r[3]) for r in rs)]
    b, n = m["base"], m["new"]
    out.append(f"| {names.get(q, q)} | {b[0]:.2f} / {n[0]:.2f} | {n[0] / b[0]:.2f}x | {b[1]:.0f} / {n[1]:.0f} | "
               f"{n[1] / b[1]:.2f}x | {b[2]:.0f} / {n[2]:.0f} | {b[3]} / {n[3]} |")
print("\n".join(out))
PY
)
RUN_MD=$(mktemp)
cat > "$RUN_MD" <<MD
### Service cost per cold request, run of $(date -u +%Y-%m-%dT%H:%M:%S)

- base: $BASE; new: $NEW_COMMIT; $SHIPMENTS synthetic shipments in \`$DB\`; $THREADS clients, $WARM s warm-up, $SECS s
  measured, median of $REPS interleaved runs per side; service -Xmx512m, both kept-answer caches off (every answer computed)
- machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1); load average before: $LOAD_BEFORE, after: $LOAD_AFTER${NOTE:+; $NOTE}

| query | service CPU ms/request base / new | new / base | KB allocated/request base / new | new / base | requests/s base / new | errors base / new |
| --- | --- | --- | --- | --- | --- | --- |
$TABLE

MD
python3 bench/add-run.py "$RUN_MD" "<!-- service cost runs -->"
cat "$RUN_MD"
