#!/usr/bin/env bash
# Export formats side by side: bash bench/exports.sh [SHIPMENTS] [RUNS]   (env BENCH_DB, BENCH_PORT)
# Starts the service on its own database (BENCH_DB, default tradeflows_bench) with a 512 MB heap, generates SHIPMENTS synthetic
# shipments once (deterministic, seed 1), downloads /export/shipments in CSV, NDJSON, Parquet and Arrow RUNS times each
# (median wall time through HTTP, file size, the service's peak heap while exporting), reads the CSV and the Parquet
# file into pandas (median read time), and adds the figures, with the conditions, to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
RUNS="${2:-3}"
PORT="${BENCH_PORT:-8181}"
DB="${BENCH_DB:-tradeflows_bench}"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$DB"
createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
WORK=target/bench-exports
PYLIB="$PWD/target/pylib"
mkdir -p "$WORK"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
java -Xmx512m -Dquarkus.http.port="$PORT" -Dtradeflows.limits.rate-limit.enabled=false -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done
java -Xmx2g -jar target/quarkus-app/quarkus-run.jar generate --name "bench-$N" --shipments "$N" --companies 40000 --seed 1

PYTHONPATH="$PYLIB" python3 -c 'import pandas, pyarrow' 2>/dev/null \
  || python3 -m pip install --quiet --target "$PYLIB" pandas pyarrow

FILTER="{\"sources\":[\"synthetic-bench-$N\"],\"includeSynthetic\":true}"
. bench/lib.sh

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
# the formats take turns (csv ndjson parquet arrow, csv ndjson …), so a drift of the machine's speed during the run
# falls on all of them alike
declare -A TIMES PEAK
for fmt in csv ndjson parquet arrow; do TIMES[$fmt]=""; PEAK[$fmt]=0; done
for _ in $(seq 1 "$RUNS"); do
  for fmt in csv ndjson parquet arrow; do
    ( while sleep 0.5; do heap_mb "$PORT"; echo; done ) > "$WORK/heap-$fmt.txt" &
    SAMPLER=$!
    t=$(curl -sS --fail -G -o "$WORK/shipments.$fmt" -w '%{time_total}' "http://localhost:$PORT/export/shipments.$fmt" \
      --data-urlencode "filter=$FILTER")
    kill $SAMPLER 2>/dev/null || true
    TIMES[$fmt]="${TIMES[$fmt]} $t"
    p=$(sort -n "$WORK/heap-$fmt.txt" | tail -1); [ "${p:-0}" -gt "${PEAK[$fmt]}" ] && PEAK[$fmt]=$p
  done
done
ROWS=""
for fmt in csv ndjson parquet arrow; do
  med=$(echo ${TIMES[$fmt]} | tr ' ' '\n' | median)
  size=$(stat -c %s "$WORK/shipments.$fmt")
  ROWS="$ROWS$fmt $med $size ${PEAK[$fmt]} $(echo ${TIMES[$fmt]} | tr ' ' ',')\n"
done

READS=$(PYTHONPATH="$PYLIB" python3 - "$WORK" "$RUNS" <<'PY'
import statistics, sys, time
import pandas as pd
work, runs = sys.argv[1], int(sys.argv[2])
for fmt, read in (("csv", lambda p: pd.read_csv(p, dtype={"hs_code": str, "product_code": str})),
                  ("parquet", pd.read_parquet)):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); frame = read(f"{work}/shipments.{fmt}"); times.append(time.perf_counter() - t)
    print(fmt, f"{statistics.median(times):.2f}", len(frame))
PY
)

COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet || echo "+changes")
{
  echo
  echo "## Export formats, run of $(date -u +%Y-%m-%dT%H:%M:%S)"
  echo
  echo "- data: $N synthetic shipments (\`synthetic-bench-$N\`), the whole set exported; commit $COMMIT"
  echo "- machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1); load average before: $LOAD"
  echo "- each export downloaded $RUNS times through HTTP with curl, the formats taking turns (median wall time); service -Xmx512m, peak heap"
  echo "  sampled every 0.5 s from /q/metrics; pandas $(PYTHONPATH="$PYLIB" python3 -c 'import pandas; print(pandas.__version__)') read times are medians of $RUNS"
  echo "- every figure is computed: exports are never kept answers"
  echo
  echo "| format | export time (s, median) | each run (s) | rows/s | file size (MB) | size / CSV | peak service heap (MB) |"
  echo "|---|---|---|---|---|---|---|"
  CSV_SIZE=$(printf "$ROWS" | awk '$1=="csv" {print $3}')
  CSV_TIME=$(printf "$ROWS" | awk '$1=="csv" {print $2}')
  printf "$ROWS" | awk -v n="$N" -v cs="$CSV_SIZE" 'NF {printf "| %s | %.2f | %s | %d | %.1f | %.2f | %s |\n", $1, $2, $5, n/$2, $3/1048576, $3/cs, ($4 > 0 ? $4 : "not sampled")}'
  echo
  echo "| read into pandas | seconds | rows |"
  echo "|---|---|---|"
  echo "$READS" | awk 'NF {printf "| %s | %s | %s |\n", $1, $2, $3}'
  echo
  PQ_TIME=$(printf "$ROWS" | awk '$1=="parquet" {print $2}')
  PQ_SIZE=$(printf "$ROWS" | awk '$1=="parquet" {print $3}')
  # the formats take turns, so run i of Parquet and run i of CSV met the same machine: their ratio, per run
  PQ_RUNS=$(printf "$ROWS" | awk '$1=="parquet" {print $5}')
  CSV_RUNS=$(printf "$ROWS" | awk '$1=="csv" {print $5}')
  awk -v pt="$PQ_TIME" -v ct="$CSV_TIME" -v ps="$PQ_SIZE" -v cs="$CSV_SIZE" -v pr="$PQ_RUNS" -v cr="$CSV_RUNS" 'BEGIN {
    n = split(pr, p, ","); split(cr, c, ","); below = 0; ratios = ""
    for (i = 1; i <= n; i++) { ratios = ratios sprintf("%s%.3f", (i > 1 ? " " : ""), p[i] / c[i]); below += (p[i] <= c[i]) }
    speed = (pt <= ct) ? "met" : sprintf("not met (%.1f %% slower)", (pt / ct - 1) * 100)
    printf "Targets (issue 19): Parquet export at least as fast as CSV — %s (median %.2f s vs %.2f s; Parquet / CSV run by run: %s; Parquet as fast or faster in %d of %d runs); file at most a third of the CSV — %s (%.2f).\n",
      speed, pt, ct, ratios, below, n, (ps * 3 <= cs ? "met" : "not met"), ps / cs }'
} > "$WORK/result.md"
cat "$WORK/result.md"
# the newest run comes first, under the marker
python3 bench/add-run.py "$WORK/result.md"
