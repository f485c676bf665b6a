#!/usr/bin/env python3
"""Checks a Spark run of corroborate_spark.py against plain `corroborate batch` output.

    check.py PLAIN.jsonl SPARK_OUT_DIR [SPARK_OUT_DIR...]

PLAIN.jsonl is `corroborate batch --inline-errors` over the same events. For every Spark
output directory: the same number of findings of each kind and of errors, every event's
findings equal (as a multiset, nulls dropped), the CSV holding one row per finding.
Prints one line per check and exits 1 if any failed.
"""
import collections
import json
import os
import sys

from pyspark.sql import SparkSession


def clean(v):
    """Drops nulls, so that Spark's rows and batch's JSON compare alike."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [clean(x) for x in v]
    return v


def by_event(findings):
    out = collections.defaultdict(collections.Counter)
    for f in findings:
        out[f["event_id"]][json.dumps(clean(f), sort_keys=True)] += 1
    return out


def main():
    plain_path, outs = sys.argv[1], sys.argv[2:]
    plain = [json.loads(l) for l in open(plain_path, encoding="utf-8") if l.strip()]
    plain_findings = [f for f in plain if f["kind"] != "error"]
    plain_errors = [f for f in plain if f["kind"] == "error"]
    want_kinds = collections.Counter(f["kind"] for f in plain_findings)
    want = by_event(plain_findings)

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
        csv_rows = spark.read.option("header", True).option("multiLine", True).csv(f"{out}/findings_csv").count()
        check(f"{tag}: CSV rows", csv_rows == len(got), f"{csv_rows} rows, {len(got)} findings")
    spark.stop()
    passed = sum(results)
    print(f"spark: {passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
