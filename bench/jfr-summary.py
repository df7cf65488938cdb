#!/usr/bin/env python3
"""Own time by library from a JFR recording: python3 bench/jfr-summary.py RECORDING.jfr [TOP]

Reads the execution samples (`jfr print --events jdk.ExecutionSample`), takes each sample's top frame (the method
running when sampled: its own time) and adds it to the library its package belongs to; prints the shares, then the
TOP methods. Used by bench/peer.sh (PROFILE=1) on the page query.
"""
import collections
import re
import subprocess
import sys

GROUPS = [
    ("graphql-java", ("graphql.",)),
    ("SmallRye GraphQL", ("io.smallrye.graphql.",)),
    ("context propagation", ("io.smallrye.context.", "io.quarkus.arc.", "io.smallrye.common.context")),
    ("JSON", ("com.fasterxml.", "jakarta.json", "org.eclipse.parsson", "org.glassfish.json", "io.vertx.core.json")),
    ("Vert.x / Netty", ("io.vertx.", "io.netty.", "io.quarkus.vertx", "io.quarkus.resteasy")),
    ("PostgreSQL JDBC / Agroal", ("org.postgresql.", "io.agroal.")),
    ("Tradeflows", ("org.tradeflows.",)),
    ("caches (Caffeine)", ("com.github.benmanes.",)),
    ("JDK", ("java.", "jdk.", "sun.", "javax.")),
]


def group(frame):
    for name, prefixes in GROUPS:
        if frame.startswith(prefixes):
            return name
    return "other"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", path], capture_output=True, text=True,
                         check=True).stdout
    groups, methods, total = collections.Counter(), collections.Counter(), 0
    # each event: "stackTrace = [" then frames one per line, the first being the top frame
    for m in re.finditer(r"stackTrace = \[\s*\n\s*([^\n]+)", out):
        frame = m.group(1).strip()
        frame = re.sub(r"\s+line:.*$", "", frame)
        total += 1
        groups[group(frame)] += 1
        methods[frame] += 1
    print(f"{total} samples (own time of the method on top of each stack)")
    print("| library | share of own time |")
    print("| --- | --- |")
    for name, n in groups.most_common():
        print(f"| {name} | {100 * n / total:.1f} % |")
    print()
    print(f"Top {top} methods:")
    for frame, n in methods.most_common(top):
        print(f"- {100 * n / total:.1f} % {frame}")


if __name__ == "__main__":
    main()
