#!/usr/bin/env bash
# Tradeflows from the shell: a fact box by GraphQL POST, the same by cacheable GET, and a CSV export.
#   TRADEFLOWS_URL=http://localhost:8080 bash examples/curl.sh
set -euo pipefail
URL="${TRADEFLOWS_URL:-http://localhost:8080}"

echo "# A fact box: the figure, its precision and its citation"
curl -sS --fail-with-body "$URL/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"{ finding(key: \"direct-supplies-to-sanctioned-firms\") { statement value { text } count { text } period { label } citation } }"}'
echo

echo "# Official totals China -> Russia, 2024, every source side by side"
curl -sS --fail-with-body "$URL/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"query($y: Int!) { tradeVolumes(filter: {reporters: [\"CN\"], partners: [\"RU\"], yearFrom: $y, yearTo: $y}) { edges { node { flow value { text } source { publisher url } } } } }","variables":{"y":2024}}'
echo

echo "# Findings as CSV (streamed export, with the data release in a header)"
curl -sS --fail-with-body -D - -o findings.csv "$URL/export/findings.csv" | grep -i -E '^(content-disposition|x-tradeflows-release):'
echo "findings.csv: $(($(wc -l < findings.csv) - 1)) findings"
