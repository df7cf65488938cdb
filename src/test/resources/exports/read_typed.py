"""Reads a Parquet file and an Arrow IPC stream with pyarrow (an implementation independent of the service's) and
prints what the test compares with SQL, as one JSON object."""
import json
import sys
from decimal import Decimal

import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.parquet as pq


def describe(table, metadata):
    out = {
        "rows": table.num_rows,
        "types": {f.name: str(f.type) for f in table.schema},
        "metadata": {k.decode(): v.decode() for k, v in (metadata or {}).items()},
    }
    sums = {}
    for name in ("value", "value_eur", "value_usd", "net_weight_kg", "share_of_total"):
        if name in table.column_names:
            sums[name] = str(sum((v for v in table.column(name).to_pylist() if v is not None), Decimal(0)))
    out["sums"] = sums
    for name in ("hs_code", "hs2"):
        if name in table.column_names:
            out[name] = sorted(set(v for v in table.column(name).to_pylist() if v is not None))
    if "synthetic" in table.column_names:
        out["synthetic"] = sorted(set(table.column("synthetic").to_pylist()))
    if "period_start" in table.column_names:
        values = [v for v in table.column("period_start").to_pylist() if v is not None]
        out["period_start"] = [min(values).isoformat(), max(values).isoformat()] if values else []
    if "id" in table.column_names:
        out["ids"] = len(set(table.column("id").to_pylist()))
    return out


kind, path = sys.argv[1], sys.argv[2]
if kind == "parquet":
    meta = pq.read_metadata(path)
    table = pq.read_table(path)
    result = describe(table, meta.metadata)
    result["row_groups"] = meta.num_row_groups
else:
    with open(path, "rb") as f:
        reader = ipc.open_stream(f)
        batches = list(reader)
        table = pa.Table.from_batches(batches, schema=reader.schema)
    result = describe(table, reader.schema.metadata)
    result["batches"] = len(batches)
    result["field_descriptions"] = {f.name: (f.metadata or {}).get(b"description", b"").decode() for f in reader.schema}
print(json.dumps(result))
