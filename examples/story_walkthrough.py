#!/usr/bin/env python3
# %% [markdown]
# # The China–Russia drone-supplies story, step by step
#
# A notebook-style walk-through (cells marked `# %%` open as a notebook in Jupyter with jupytext, or in VS Code).
# It runs the committed example queries of `graphql/examples/` against a Tradeflows server, standard library only:
#
#     python3 examples/story_walkthrough.py --url http://localhost:8080

# %%
import argparse
import json
import os
import pathlib
import urllib.request

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "graphql" / "examples"
parser = argparse.ArgumentParser()
parser.add_argument("--url", default=os.environ.get("TRADEFLOWS_URL", "http://localhost:8080"))
URL = parser.parse_args().url


def run(name):
    query = (EXAMPLES / f"{name}.graphql").read_text(encoding="utf-8")
    variables_file = EXAMPLES / f"{name}.json"
    variables = json.loads(variables_file.read_text(encoding="utf-8")) if variables_file.exists() else None
    body = json.dumps({"query": query, "variables": variables}).encode("utf-8")
    request = urllib.request.Request(URL + "/graphql", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise SystemExit(f"{name}: {answer['errors']}")
    return answer["data"]


# %% [markdown]
# ## 1. The national total
# The article's EUR 246 billion for 2024 next to China's customs figures — each a row of its own source.

# %%
step1 = run("story-1-national-total")
for edge in step1["tradeVolumes"]["edges"]:
    n = edge["node"]
    print(f"{n['flow']:6} {n['value']['text']:>22}  (EUR {float(n['valueEur'] or 0) / 1e9:,.1f} bn)  — {n['source']['publisher'] or n['source']['title']}")

# %% [markdown]
# ## 2. Supplies to sanctioned Russian firms

# %%
f = run("story-2-sanctioned-supplies")["finding"]
print(f"{f['value']['text']} from {f['count']['text']}, {f['period']['label']}")
for other in f["sameClaimAs"]:
    print(f"  same claim, {other['source']['publisher']}: {other['value']['text']} "
          f"({', '.join(a['text'] for a in other['otherAmounts'])})")
print("  source:", f["citation"])

# %% [markdown]
# ## 3. Alabuga — part of the EUR 55 million, never added to it

# %%
f = run("story-3-alabuga")["finding"]
print(f"{f['value']['text']} — part of {f['partOf']['value']['text']} ({f['partOf']['key']})")

# %% [markdown]
# ## 4. Single flows

# %%
for edge in run("story-4-single-flows")["findings"]["edges"]:
    n = edge["node"]
    parties = ", ".join(f"{c['role'].lower()} {c['company']['name']}" for c in n["companies"])
    via = " (partly through intermediaries)" if n["throughIntermediaries"] else ""
    print(f"{n['value']['text']}, {n['period']['label']}: {parties}{via}")

# %% [markdown]
# ## 5. The goods, as HS codes, and the Common High Priority List

# %%
for p in run("story-5-products")["topic"]["products"]:
    c = p["product"]
    listed = ", ".join(x["code"] for x in c["chplListed"]) or "none"
    print(f"{c['code']:>6}  {p['note'][:60]:60}  CHPL: {listed}")
