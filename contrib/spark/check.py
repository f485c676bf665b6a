#!/usr/bin/env python3
"""Checks a Spark run of corroborate_spark.py against plain `corroborate batch` output.

    check.py PLAIN.jsonl PLAIN.csv SPARK_OUT_DIR [SPARK_OUT_DIR...]

PLAIN.jsonl is `corroborate batch --inline-errors` over the same events, PLAIN.csv
`corroborate batch --format csv`. For every Spark output directory: the same number of
findings of each kind and of errors, every event's findings equal (as a multiset, nulls
dropped), and the CSV read back with Python's csv module (and pandas, when installed), not
Spark's reader: RFC 4180, one row per finding with as many fields as its header, the findings
of plain batch's CSV, no cell a spreadsheet would take for a formula.
Prints one line per check and exits 1 if any failed.
"""
import collections
import csv
import glob
import json
import os
import re
import sys

from pyspark.sql import SparkSession


def clean(v):
    """Drops nulls, so that Spark's rows and batch's JSON compare alike."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [clean(x) for x in v]
    return v


CSV_HEADER = ["event_id", "kind", "topic", "confidence", "explanation", "sources", "figures",
              "measures", "people", "consensus", "outliers"]
FORMULA = re.compile(r"^[=+\-@\t\r]")


def neutralize(cell):
    """What compare's CSV writes for a cell (the OWASP guard)."""
    return "'" + cell if FORMULA.match(cell or "") else cell


def read_csv_parts(directory):
    """Header and rows of every part file Spark wrote, read with the csv module."""
    headers, rows = [], []
    for part in sorted(glob.glob(os.path.join(directory, "part-*.csv"))):
        with open(part, newline="", encoding="utf-8") as f:
            r = list(csv.reader(f))
        if r:
            headers.append(r[0])
            rows.extend(r[1:])
    return headers, rows


def pandas_rows(directory):
    """Rows and columns per part as pandas reads them, or None without pandas."""
    try:
        import pandas
    except ImportError:
        return None
    shapes = [pandas.read_csv(p, dtype=str, keep_default_na=False).shape
              for p in sorted(glob.glob(os.path.join(directory, "part-*.csv")))]
    return sum(s[0] for s in shapes), {s[1] for s in shapes}


def by_event(findings):
    out = collections.defaultdict(collections.Counter)
    for f in findings:
        out[f["event_id"]][json.dumps(clean(f), sort_keys=True)] += 1
    return out


def main():
    plain_path, plain_csv_path, outs = sys.argv[1], sys.argv[2], sys.argv[3:]
    plain = [json.loads(l) for l in open(plain_path, encoding="utf-8") if l.strip()]
    plain_findings = [f for f in plain if f["kind"] != "error"]
    plain_errors = [f for f in plain if f["kind"] == "error"]
    want_kinds = collections.Counter(f["kind"] for f in plain_findings)
    want = by_event(plain_findings)
    # Plain batch CSV: one row per finding and pair of sources; its findings are the
    # (event, kind, topic) it names, columns found by the header's names.
    with open(plain_csv_path, newline="", encoding="utf-8") as f:
        plain_csv = list(csv.reader(f))
    col = {name: k for k, name in enumerate(plain_csv[0])}
    ev, kind, topic = col["event_id"], col["kind"], col["topic"]
    plain_csv_keys = {(r[ev], r[kind], r[topic]) for r in plain_csv[1:] if r[kind] != "error"}
    want_keys = collections.Counter(
        (neutralize(f["event_id"]), f["kind"], neutralize(f["topic"])) for f in plain_findings)

    spark = (SparkSession.builder.master("local[2]").appName("corroborate-check")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.host", "127.0.0.1")
             .config("spark.driver.bindAddress", "127.0.0.1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)

    for out in outs:
        tag = os.path.basename(out.rstrip("/"))
        got = [json.loads(s) for s in spark.read.parquet(f"{out}/findings").toJSON().collect()]
        kinds = collections.Counter(f["kind"] for f in got)
        check(f"{tag}: findings by kind", kinds == want_kinds, f"spark {dict(kinds)}, plain {dict(want_kinds)}")
        errors = [r.asDict() for r in spark.read.json(f"{out}/errors").collect()]
        ids = sorted(str(e.get("event_id")) for e in errors)
        want_ids = sorted(str(e.get("event_id")) for e in plain_errors)
        check(f"{tag}: error records", ids == want_ids, f"spark {ids}, plain {want_ids}")
        have = by_event(got)
        differ = sorted(e for e in set(want) | set(have) if want.get(e) != have.get(e))
        check(f"{tag}: every event's findings equal", not differ,
              f"{len(want)} events with findings" if not differ else f"{len(differ)} differ, first {differ[:3]}")
        headers, rows = read_csv_parts(f"{out}/findings_csv")
        check(f"{tag}: CSV headers", bool(headers) and all(h == CSV_HEADER for h in headers),
              f"{len(headers)} part files")
        widths = collections.Counter(len(r) for r in rows)
        check(f"{tag}: CSV rows (csv module)", len(rows) == len(got) and set(widths) == {len(CSV_HEADER)},
              f"{len(rows)} rows, {len(got)} findings, fields per row {dict(widths)}")
        keys = collections.Counter((r[0], r[1], r[2]) for r in rows)
        check(f"{tag}: CSV findings equal plain batch's", keys == want_keys,
              f"{len(keys)} distinct" if keys == want_keys else
              f"missing {list((want_keys - keys).items())[:3]}, extra {list((keys - want_keys).items())[:3]}")
        check(f"{tag}: CSV findings equal plain batch --format csv's", set(keys) == plain_csv_keys,
              f"{len(plain_csv_keys)} findings, {len(plain_csv) - 1} plain CSV rows")
        formulas = [c for r in rows for c in r if FORMULA.match(c)]
        check(f"{tag}: no CSV cell starts a formula", not formulas, str(formulas[:3]))
        shape = pandas_rows(f"{out}/findings_csv")
        if shape is not None:
            check(f"{tag}: CSV rows (pandas)", shape == (len(got), {len(CSV_HEADER)}), str(shape))
    spark.stop()
    passed = sum(results)
    print(f"spark: {passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
