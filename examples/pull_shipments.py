#!/usr/bin/env python3
"""Pull every shipment matching a filter from Tradeflows, twice: page by page through the GraphQL connection,
and in one streamed CSV export. Standard library only.

    python3 examples/pull_shipments.py --url http://localhost:8080 \
        --filter '{"supplierCountries": ["CN"], "recipientCountries": ["RU"], "periodFrom": "2023-01-01"}' \
        --out shipments

writes shipments-paged.csv and shipments-export.csv and prints how many rows each holds.
An API key (for higher limits) goes in the environment variable TRADEFLOWS_API_KEY.
"""
import argparse
import csv
import json
import os
import shutil
import sys
import urllib.error
import urllib.parse
import urllib.request

QUERY = """
query Page($filter: FlowFilter, $after: String) {
  shipments(filter: $filter, first: 100, after: $after) {
    edges { node {
      id sourceRecordRef period { start end } hsCode
      supplier { name } supplierCountry { code } recipient { name } recipientCountry { code }
      value { amount currency qualifier } valueEur source { key }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
# When nothing matches: what else the database holds for the same countries and period, to say which data is missing.
WHAT_EXISTS = """
query WhatExists($filter: FlowFilter, $volumes: TradeVolumeFilter, $findings: FindingFilter) {
  all: shipments(filter: { includeSynthetic: true }, first: 0) { totalCount }
  matching: shipments(filter: $filter, first: 0) { totalCount }
  tradeVolumes(filter: $volumes, first: 0) { totalCount }
  findings(filter: $findings, first: 0) { totalCount }
}
"""
RUNNER = "java -jar target/quarkus-app/quarkus-run.jar"
COLUMNS = ["id", "source_record_ref", "period_start", "period_end", "hs_code", "supplier_name", "supplier_country",
           "recipient_name", "recipient_country", "value", "currency", "value_qualifier", "value_eur", "source"]


def headers():
    h = {"Content-Type": "application/json", "Accept": "application/json"}
    if os.environ.get("TRADEFLOWS_API_KEY"):
        h["Authorization"] = "Bearer " + os.environ["TRADEFLOWS_API_KEY"]
    return h


def graphql(url, query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode("utf-8")
    request = urllib.request.Request(url + "/graphql", data=body, headers=headers(), method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise SystemExit("GraphQL error: " + "; ".join(
            f"{e['message']} ({e.get('extensions', {}).get('code')})" for e in answer["errors"]))
    return answer["data"]


def name(company):
    return company["name"] if company else ""


def paged(url, filter_, path):
    rows, after = 0, None
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        while True:
            page = graphql(url, QUERY, {"filter": filter_, "after": after})["shipments"]
            for edge in page["edges"]:
                n = edge["node"]
                writer.writerow([n["id"], n["sourceRecordRef"], n["period"]["start"], n["period"]["end"], n["hsCode"],
                                 name(n["supplier"]), n["supplierCountry"]["code"], name(n["recipient"]),
                                 n["recipientCountry"]["code"], n["value"]["amount"], n["value"]["currency"],
                                 n["value"]["qualifier"], n["valueEur"] if n["valueEur"] is not None else "",
                                 n["source"]["key"]])
                rows += 1
            if not page["pageInfo"]["hasNextPage"]:
                return rows
            after = page["pageInfo"]["endCursor"]


def exported(url, filter_, path):
    query = urllib.parse.urlencode({"filter": json.dumps(filter_)}) if filter_ else ""
    request = urllib.request.Request(url + "/export/shipments.csv?" + query, headers=headers())
    with urllib.request.urlopen(request, timeout=600) as response, open(path, "wb") as out:
        release = response.headers.get("X-Tradeflows-Release")
        shutil.copyfileobj(response, out)
    with open(path, newline="", encoding="utf-8") as f:
        return sum(1 for _ in csv.DictReader(f)), release


def explain_empty(url, filter_):
    """Says why a pull found nothing: which data is missing, how to get it, and what exists instead."""
    countries = sorted(set(filter_.get("supplierCountries", []) + filter_.get("recipientCountries", [])))
    volumes, findings = {}, {}
    if countries:
        volumes["reporters"] = countries
        findings["countries"] = countries
        if filter_.get("supplierCountries") and filter_.get("recipientCountries"):
            volumes["partners"] = countries
    if filter_.get("periodFrom"):
        volumes["yearFrom"] = int(filter_["periodFrom"][:4])
        findings["periodFrom"] = filter_["periodFrom"]
    if filter_.get("periodTo"):
        volumes["yearTo"] = int(filter_["periodTo"][:4])
        findings["periodTo"] = filter_["periodTo"]
    data = graphql(url, WHAT_EXISTS, {"filter": filter_, "volumes": volumes, "findings": findings})
    total = data["all"]["totalCount"]
    lines = []
    if total == 0:
        lines.append("Why empty: the database holds no shipment records at all. Shipment (customs) records are not openly "
                     "published; a curator loads the ones they hold with\n"
                     f"  {RUNNER} load --format shipments --source KEY FILE   (README, \"Ingest\")")
    else:
        lines.append(f"Why empty: the database holds {total} shipments, none matching this filter "
                     "(generated ones only with \"includeSynthetic\": true). Widen the countries, period or HS codes.")
    official, claims = data["tradeVolumes"]["totalCount"], data["findings"]["totalCount"]
    lines.append(f"For the same countries and years there are {official} official figures (query tradeVolumes or "
                 f"tradeVolumeFlows; fetch more with `{RUNNER} fetch baci --years 2021-2024`) and {claims} reported "
                 "findings (query findings), also in the explorer's level switch at /explorer.")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("TRADEFLOWS_URL", "http://localhost:8080"))
    parser.add_argument("--filter", default="{}", help="a FlowFilter as JSON, as in GraphQL")
    parser.add_argument("--out", default="shipments", help="prefix of the two CSV files written")
    args = parser.parse_args()
    filter_ = json.loads(args.filter)
    try:
        paged_rows = paged(args.url, filter_, args.out + "-paged.csv")
        export_rows, release = exported(args.url, filter_, args.out + "-export.csv")
    except urllib.error.HTTPError as e:
        raise SystemExit(f"HTTP {e.code}: {e.read().decode('utf-8', 'replace')}")
    print(f"paged: {paged_rows} shipments -> {args.out}-paged.csv")
    print(f"export: {export_rows} shipments -> {args.out}-export.csv (data release {release})")
    if paged_rows != export_rows:
        sys.exit("the paged pull and the export differ")
    if paged_rows == 0:
        print(explain_empty(args.url, filter_))
        return
    print("complete: both pulls hold the same rows")


if __name__ == "__main__":
    main()
