"""The benchmark's job in pandas (Debian python3-pandas), run by bench/run.ts.

Reads each BACI CSV with pandas' C parser, sums all products and high-tech products per year x
exporter x importer, maps the areas to ISO3 and prints {seconds, maxRssKb, pairs} as JSON; the
indicators are computed from these sums by bench/ladder.ts, as for DuckDB SQL.
Usage: python3 bench/pandas_job.py areas.csv hightech.csv FILE...
"""
import json
import resource
import sys
import time

import pandas as pd

t0 = time.perf_counter()
areas_csv, hightech_csv, *files = sys.argv[1:]
areas = pd.read_csv(areas_csv, dtype={"code": "int32", "geo": "string"})
code_to_geo = dict(zip(areas["code"], areas["geo"]))
hightech = set(pd.read_csv(hightech_csv, dtype={"k": "int32"})["k"])
parts = []
for f in files:
    df = pd.read_csv(f, usecols=["t", "i", "j", "k", "v"], dtype={"t": "int16", "i": "int32", "j": "int32", "k": "int32", "v": "float64"})
    df["h"] = df["v"].where(df["k"].isin(hightech), 0.0)
    parts.append(df.groupby(["t", "i", "j"], sort=False)[["v", "h"]].sum())
    del df
agg = pd.concat(parts).reset_index()
agg["gi"] = agg["i"].map(code_to_geo)
agg["gj"] = agg["j"].map(code_to_geo)
out = agg.groupby(["t", "gi", "gj"], sort=False)[["v", "h"]].sum().reset_index()
pairs = [[int(t), gi, gj, float(v), float(h)] for t, gi, gj, v, h in out.itertuples(index=False)]
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "pairs": pairs}))
