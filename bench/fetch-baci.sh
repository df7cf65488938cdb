#!/usr/bin/env bash
# BACI through `fetch baci` against a plain COPY of the same rows: bash bench/fetch-baci.sh [YEARS]
# Builds a BACI-layout ZIP (BACI_HS22_Y{year}_V202501.csv, columns t,i,j,k,v,q; every HS 2022 subheading for 13 x 12
# country pairs, values generated, labelled synthetic in the source of the bench), serves it from a local HTTP
# server, fetches it with `fetch baci` into a fresh database (tradeflows_bench_baci) and times it; then copies the
# rows it wrote out of trade_volume and times a plain COPY of them back into the same table. Writes the figures, with
# the conditions, into bench/RESULTS.md. No internet needed; nothing of this data is shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
YEARS="${1:-2022 2023 2024}"
PORT="${BENCH_PORT:-8192}"
DB=tradeflows_bench_baci
WORK="$PWD/target/bench-baci"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$DB"
mkdir -p "$WORK/DATA_DOWNLOAD/baci/data"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

[ -f target/quarkus-app/quarkus-run.jar ] || mvn -q package -DskipTests
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; createdb -h 127.0.0.1 -U postgres "$DB"
# the first start migrates the database and loads the open dataset (reference data, ECB rates), then stops
java -Dquarkus.http.port="$PORT" -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 300); do curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null && break; sleep 1; done
kill $SERVICE; wait $SERVICE 2>/dev/null || true

python3 - "$WORK/DATA_DOWNLOAD/baci/data" $YEARS <<'PY'
import csv, random, sys, zipfile
out, years = sys.argv[1], sys.argv[2:]
codes = [r["hscode"] for r in csv.DictReader(open("src/main/resources/reference/harmonized-system.csv")) if len(r["hscode"]) == 6]
countries = [156, 643, 398, 417, 51, 792, 784, 276, 380, 392, 410, 356, 76]   # BACI's numeric codes
rng = random.Random(1)
with zipfile.ZipFile(f"{out}/BACI_HS22_V202501.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for year in years:
        with z.open(f"BACI_HS22_Y{year}_V202501.csv", "w") as f:
            f.write(b"t,i,j,k,v,q\n")
            lines = []
            for i in countries:
                for j in countries:
                    if i == j:
                        continue
                    for k in codes:
                        lines.append(f"{year},{i},{j},{k[1:] if k[0] == '0' else k},{rng.randint(1, 9_999_999) / 1000:.3f},{rng.randint(1, 99_999) / 10:.1f}\n")
                    if len(lines) > 100_000:
                        f.write("".join(lines).encode()); lines = []
            f.write("".join(lines).encode())
PY
ZIP_BYTES=$(stat -c %s "$WORK/DATA_DOWNLOAD/baci/data/BACI_HS22_V202501.zip")
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK" > "$WORK/http.log" 2>&1 &
HTTP=$!
trap 'kill $HTTP 2>/dev/null || true' EXIT
sleep 1

START=$(date +%s.%N)
/usr/bin/time -v java -Xmx512m -jar target/quarkus-app/quarkus-run.jar fetch baci --version 202501 \
  --url "http://127.0.0.1:$PORT/DATA_DOWNLOAD/baci/data/" > "$WORK/fetch.out" 2> "$WORK/fetch.err"
FETCH_S=$(echo "$(date +%s.%N) - $START" | bc)
RSS_KB=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$WORK/fetch.err")
Q="psql -h 127.0.0.1 -U postgres -d $DB -Atq"
ROWS=$($Q -c "select count(*) from trade_volume t join source s on s.id = t.source_id where s.key = 'cepii-baci'")
COLS="release_id, source_id, reporter, partner, flow, period_kind, period_start, period_end, product_code, value, currency, value_eur, value_usd, value_qualifier, net_weight_kg, quantity, quantity_unit, note"
$Q -c "\\copy (select $COLS from trade_volume t where source_id = (select id from source where key = 'cepii-baci')) to '$WORK/rows.csv' csv"
$Q -c "alter table trade_volume disable trigger user; delete from trade_volume where source_id = (select id from source where key = 'cepii-baci'); alter table trade_volume enable trigger user"
$Q -c "vacuum analyze trade_volume"
START=$(date +%s.%N)
$Q -c "\\copy trade_volume ($COLS) from '$WORK/rows.csv' csv"
COPY_S=$(echo "$(date +%s.%N) - $START" | bc)

COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet || echo "+changes")
RUN=$(cat <<MD

## BACI fetch, run of $(date -u +%Y-%m-%dT%H:%M:%S)

- data: a generated BACI-layout ZIP of $ROWS rows (years $YEARS; every HS 2022 subheading for 13 x 12 country
  pairs; $(echo "scale=1; $ZIP_BYTES / 1048576" | bc) MB compressed), served from a local HTTP server; commit $COMMIT
- machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1); load average before: $LOAD
- \`fetch baci\` with -Xmx512m (download, unzip, parse, check, convert, COPY, history and release in one transaction),
  against \`\\copy\` of the rows it wrote, read back from trade_volume, into the same table with the same indexes
- every figure is computed; nothing is kept between runs (a fresh database each run)

| step | seconds | rows/s |
|---|---|---|
| \`fetch baci\` (whole command, JVM start included) | $(printf %.1f "$FETCH_S") | $(echo "$ROWS / $FETCH_S" | bc) |
| plain COPY of the same rows | $(printf %.1f "$COPY_S") | $(echo "$ROWS / $COPY_S" | bc) |

fetch / COPY: $(echo "scale=2; $FETCH_S / $COPY_S" | bc)x (target: at most 1.5x); fetch rows/s target: at least
100,000; the fetch process's peak resident memory: $((RSS_KB / 1024)) MB with a 512 MB heap limit (the heap limit bounds
it; the ZIP is streamed, never held whole).
MD
)
echo "$RUN"
python3 - "$RUN" <<'PY'
import sys
results = open("bench/RESULTS.md").read()
marker = "<!-- runs -->\n"
open("bench/RESULTS.md", "w").write(results.replace(marker, marker + sys.argv[1] + "\n", 1))
PY
