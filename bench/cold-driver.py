# Drives one query at the service with new variables on every request (cold: no kept answer can serve it), from
# THREADS connections for SECONDS; prints "requests errors". Used by bench/service-cost.sh.
#   python3 bench/cold-driver.py PORT SECONDS THREADS QUERY CHAPTERS_FILE   (QUERY: q0 = { __typename }, q1 = a page
#   of 50 shipments CN -> RU for one HS chapter and a one-to-three-month window, with both parties' names)
import sys, json, random, threading, time, http.client
port, secs, nthreads = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
q = sys.argv[4] if len(sys.argv) > 4 else "q1"
chapters = open(sys.argv[5]).read().split() if len(sys.argv) > 5 else []
Q1 = """query Q1($f: FlowFilter) {
  shipments(first: 50, filter: $f) {
    edges { node { id period { start } hsCode value { amount currency } valueEur supplier { name } recipient { name } } }
    pageInfo { hasNextPage }
  }
}"""
Q0 = "query Q0 { __typename }"
def body(rnd):
    if q == "q0":
        return json.dumps({"query": Q0})
    y = rnd.randint(2016, 2024); m = rnd.randint(1, 10); n = rnd.randint(1, 3)
    start = f"{y}-{m:02d}-01"; end_m = m + n - 1
    import calendar
    end = f"{y}-{end_m:02d}-{calendar.monthrange(y, end_m)[1]:02d}"
    return json.dumps({"query": Q1, "variables": {"f": {"supplierCountries": ["CN"], "recipientCountries": ["RU"],
        "hsCodes": [rnd.choice(chapters)], "periodFrom": start, "periodTo": end, "includeSynthetic": True}}})
done = [0]; errs = [0]; lock = threading.Lock(); stop = time.time() + secs
def worker(i):
    rnd = random.Random(i * 7919 + int(time.time() * 1000))
    c = http.client.HTTPConnection("127.0.0.1", port)
    while time.time() < stop:
        c.request("POST", "/graphql", body(rnd), {"content-type": "application/json"})
        r = c.getresponse(); data = r.read()
        ok = r.status == 200 and b'"errors"' not in data
        with lock:
            done[0] += 1
            if not ok:
                errs[0] += 1
                if errs[0] < 3:
                    print(data[:300], file=sys.stderr)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(nthreads)]
[t.start() for t in ts]; [t.join() for t in ts]
print(done[0], errs[0])
