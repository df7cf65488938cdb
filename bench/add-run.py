# Puts a run's Markdown (a file) into bench/RESULTS.md under its section's marker, newest first; one copy for the
# scripts of bench/. python3 bench/add-run.py RUN.md ["<!-- runs -->"]
import sys

run = open(sys.argv[1]).read()
marker = (sys.argv[2] if len(sys.argv) > 2 else "<!-- runs -->") + "\n"
results = open("bench/RESULTS.md").read()
if marker not in results:
    raise SystemExit("bench/RESULTS.md lacks the marker " + marker.strip())
open("bench/RESULTS.md", "w").write(results.replace(marker, marker + run, 1))
