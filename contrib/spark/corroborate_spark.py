#!/usr/bin/env python3
"""Run `corroborate batch` over a corpus of events with Apache Spark.

Each partition of events is piped through one `corroborate batch` process with Spark SQL's
`SELECT TRANSFORM (...) USING '...'` (no Python UDF: the same SQL runs from spark-sql or
Scala). Every event goes in as one JSON string column, so each input row is one JSON line;
every output line comes back as one string column, parsed with `from_json` and the declared
schema below. Findings are written as Parquet and CSV, error records as JSON Lines.

    spark-submit --files /path/to/corroborate corroborate_spark.py \\
        --input events.jsonl --output out/ [--input-format jsonl|parquet]

See README.md beside this file for deployment and the input/output contract.
"""
import argparse
import os
import sys

from pyspark import StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

# What `corroborate batch` reads: one event per line.
EVENT_SCHEMA = (
    "event_id STRING, "
    "reports ARRAY<STRUCT<id: STRING, label: STRING, text: STRING, published: STRING>>"
)

# What it writes: one finding per line (the fields of `compare --format json` findings plus
# event_id), or with --inline-errors an error record {event_id, kind: "error", line, message}.
OUTPUT_SCHEMA = (
    "event_id STRING, kind STRING, topic STRING, confidence DOUBLE, explanation STRING, "
    "claims ARRAY<STRUCT<source: STRING, sentence: STRING, `start`: BIGINT, `end`: BIGINT, "
    "sentence_start: BIGINT, sentence_end: BIGINT, "
    "quantity: STRUCT<text: STRING, `start`: BIGINT, `end`: BIGINT, value: DOUBLE, "
    "low: DOUBLE, high: DOUBLE, hedge: STRING, unit: STRING, counted: STRING, kind: STRING, dimension: STRING, "
    "measure: STRING, predicate: STRING, attribution: STRING>, "
    "role: STRUCT<text: STRING, `start`: BIGINT, `end`: BIGINT, person: STRING, role: STRING, "
    "organisation: STRING>, "
    "modality: STRING, published: STRING, restatement: BOOLEAN>>, "
    "consensus ARRAY<STRING>, outliers ARRAY<STRING>, camps ARRAY<ARRAY<STRING>>, reasons ARRAY<STRING>, "
    "line BIGINT, message STRING"
)


# What `corroborate compare --format csv` does to a cell (OWASP CSV-injection guidance): a
# cell that a spreadsheet would read as a formula gets a leading apostrophe.
FORMULA_START = r"^[=+\-@\t\r]"


def neutralized(col):
    """The column with formula-like cells prefixed with `'`, as compare's CSV writes them."""
    return F.when(col.rlike(FORMULA_START), F.concat(F.lit("'"), col)).otherwise(col)


def transform_sql(view, command):
    """The whole job in SQL: runs as is in spark-sql or from Scala, given the view."""
    return f"""
        SELECT from_json(line, '{OUTPUT_SCHEMA}') AS f, line AS raw
        FROM (
            SELECT TRANSFORM (to_json(named_struct('event_id', event_id, 'reports', reports)))
            USING '{command}'
            AS (line STRING)
            FROM {view}
        )
    """


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", required=True, help="events: a JSON Lines or Parquet path")
    ap.add_argument("--input-format", choices=["jsonl", "parquet"], default=None,
                    help="default: from the extension (.parquet or a directory of them → parquet)")
    ap.add_argument("--output", required=True, help="directory for findings/, findings_csv/, errors/")
    ap.add_argument("--binary", default=None,
                    help="path of the corroborate binary to ship to executors (SparkContext.addFile); "
                         "default: `./corroborate` if shipped with --files, else `corroborate` on PATH")
    ap.add_argument("--jobs", type=int, default=1,
                    help="threads per batch process (-j); Spark already runs one per task slot")
    ap.add_argument("--partitions", type=int, default=0, help="repartition events first (0: keep)")
    ap.add_argument("--batch-args", default="", help="extra arguments for `corroborate batch`")
    ap.add_argument("--strict", action="store_true", help="exit 3 if any event failed")
    a = ap.parse_args(argv)

    spark = SparkSession.builder.appName("corroborate-batch").getOrCreate()
    sc = spark.sparkContext

    # TRANSFORM runs the command with /bin/bash -c in the executor's SparkFiles directory, so a
    # binary shipped with --files / spark.files / addFile is `./corroborate` there.
    if a.binary:
        sc.addFile(os.path.abspath(a.binary))
        exe = "./" + os.path.basename(a.binary)
    elif "corroborate" in (sc.getConf().get("spark.files") or ""):
        exe = "./corroborate"
    else:
        exe = "corroborate"
    # Files fetched by executors may lose their executable bit; restore it before running.
    prefix = f"chmod +x {exe} 2>/dev/null; " if exe.startswith("./") else ""
    # --exit-zero: discrepancies (exit 1) and failed events (exit 2) must not fail the task;
    # --inline-errors: failed events come back as rows of kind 'error', nothing is lost.
    command = (f"{prefix}{exe} batch --exit-zero --inline-errors -j {a.jobs} {a.batch_args}").strip()
    if "'" in command:
        sys.exit("--batch-args must not contain single quotes")

    fmt = a.input_format or ("parquet" if a.input.rstrip("/").endswith(".parquet") or os.path.isdir(a.input) else "jsonl")
    if fmt == "parquet":
        events = spark.read.parquet(a.input).select(
            F.col("event_id").cast("string").alias("event_id"), F.col("reports"))
    else:
        # A declared schema: no inference pass over the corpus. Lines that are not JSON come
        # through as nulls and so as error rows from batch, never silently dropped.
        events = spark.read.schema(EVENT_SCHEMA).json(a.input)
    if a.partitions:
        events = events.repartition(a.partitions)
    events.createOrReplaceTempView("corroborate_events")

    # An output line that does not parse (a batch bug, a truncated pipe) becomes an error row.
    results = (
        spark.sql(transform_sql("corroborate_events", command))
        .select("f.*", "raw")
        .withColumn("message", F.when(F.col("kind").isNull(),
                                      F.concat(F.lit("unparsable output line: "), F.col("raw")))
                    .otherwise(F.col("message")))
        .withColumn("kind", F.coalesce(F.col("kind"), F.lit("error")))
        .drop("raw")
    )
    # The transform is expensive: run it once, then write every output from the cached rows.
    results = results.persist(StorageLevel.MEMORY_AND_DISK)

    findings = results.where("kind <> 'error'").drop("line", "message")
    errors = results.where("kind = 'error'").select("event_id", "line", "message")
    out = a.output.rstrip("/")
    findings.write.mode("overwrite").parquet(f"{out}/findings")
    # CSV holds no nested columns: the claims become ';'-joined lists, one row per finding.
    # RFC 4180 quoting (a quote inside a cell is doubled, never backslash-escaped, so Python's
    # csv module, pandas and spreadsheets read it back) and compare's formula guard: report
    # text is untrusted.
    csv_columns = [
        F.col("event_id"), F.col("kind"), F.col("topic"), F.col("confidence"), F.col("explanation"),
        F.concat_ws(";", F.col("claims.source")).alias("sources"),
        F.concat_ws(";", F.col("claims.quantity.text")).alias("figures"),
        F.concat_ws(";", F.col("claims.quantity.measure")).alias("measures"),
        F.concat_ws(";", F.col("claims.role.person")).alias("people"),
        F.concat_ws(";", F.coalesce(F.col("consensus"), F.array())).alias("consensus"),
        F.concat_ws(";", F.coalesce(F.col("outliers"), F.array())).alias("outliers"),
    ]
    table = findings.select(*csv_columns)
    table = table.select(*[
        neutralized(F.col(c)).alias(c) if t == "string" else F.col(c) for c, t in table.dtypes
    ])
    (table.write.mode("overwrite").option("header", True)
     .option("quote", '"').option("escape", '"').option("escapeQuotes", True)
     .csv(f"{out}/findings_csv"))
    errors.write.mode("overwrite").json(f"{out}/errors")

    counts = {r["kind"]: r["count"] for r in results.groupBy("kind").count().collect()}
    events_in = events.count()
    print("corroborate-spark: " + ", ".join(
        [f"{events_in} events"] + [f"{counts.get(k, 0)} {k}" for k in
                                   ("agreement", "discrepancy", "unique", "error")]))
    results.unpersist()
    spark.stop()
    if a.strict and counts.get("error", 0):
        sys.exit(3)


if __name__ == "__main__":
    main()
