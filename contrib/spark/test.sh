#!/usr/bin/env bash
# End-to-end test of the Spark job: 1,000 generated events (plus two bad lines) through
# corroborate_spark.py on local[2], from JSON Lines and from Parquet, checked against plain
# `corroborate batch` on the same input. Installs what it needs (Java 17 through apt if
# missing, pyspark in a virtualenv under target/), binds everything to 127.0.0.1, no UI.
# Usage: contrib/spark/test.sh   (prints "spark test: PASS" or "spark test: FAIL" last)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
PYSPARK_VERSION=4.0.5
venv=${CORROBORATE_SPARK_VENV:-$root/target/spark-venv}

fail() { echo "spark test: FAIL ($*)"; exit 1; }

if ! java -version 2>&1 | grep -q 'version "\(17\|21\)'; then
  echo "== installing Java 17"
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  echo "== installing pyspark $PYSPARK_VERSION into $venv"
  rm -rf "$venv"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$venv" && python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install -q --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
# pandas reads the CSV back as analysts will; the csv module checks it without.
"$venv/bin/python" -c "import pandas" 2>/dev/null ||
  "$venv/bin/pip" install -q --disable-pip-version-check pandas ||
  echo "warning: pandas not installed; the CSV is checked with the csv module only"
echo "== cargo build --release"
cargo build --release -q
bin=$root/target/release/corroborate

# Spark's launcher finds its home through the python on PATH; keep it all on loopback.
export PATH="$venv/bin:$PATH" PYSPARK_PYTHON="$venv/bin/python" SPARK_LOCAL_IP=127.0.0.1
mkdir -p target
work=$(mktemp -d "$root/target/spark-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 benches/gen_events.py --events 1000 --seed spark-test -o "$work/events.jsonl"
# Two bad events: not JSON, and only one report. Both must come back as error records.
echo '{"event_id": "broken", "reports": [' >>"$work/events.jsonl"
echo '{"event_id": "lonely", "reports": [{"id": "a", "text": "5 people died."}]}' >>"$work/events.jsonl"
# Cells that broke Spark's default CSV (backslash-escaped quotes) or that a spreadsheet takes
# for a formula: quotes, backslashes before quotes, tabs, line breaks, and ids and figures
# starting with = + - @.
python3 - >>"$work/events.jsonl" <<'PY'
import json
hostile = [
    ("=HYPERLINK(\"http://x\",\"y\")", 'Police said "at least 30" people\\" were hurt.\tRescue\nteams came.',
     'Some 45 people were hurt, "police" said \\"'),
    ("+1", "The temperature fell to -5 degrees and 12 homes burned.", "It fell to -7 degrees; 12 homes burned."),
    ("@SUM(A1)", "-20 people left, and 300 stayed.", "About 300 people stayed."),
]
for event_id, a, b in hostile:
    print(json.dumps({"event_id": event_id, "reports": [{"id": "-a", "text": a}, {"id": "=b", "text": b}]}))
PY

"$bin" batch "$work/events.jsonl" --exit-zero --inline-errors -o "$work/plain.jsonl" 2>"$work/plain.err"
tail -1 "$work/plain.err"
"$bin" batch "$work/events.jsonl" --exit-zero --format csv -o "$work/plain.csv" 2>/dev/null

submit() {
  spark-submit --master 'local[2]' \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
    --conf spark.sql.shuffle.partitions=4 \
    --files "$bin" contrib/spark/corroborate_spark.py "$@"
}
run() {
  local name=$1; shift
  echo "== spark job: $name"
  local t0=$SECONDS
  if ! submit "$@" >"$work/$name.log" 2>&1; then
    tail -40 "$work/$name.log"
    fail "spark job $name exited non-zero"
  fi
  grep '^corroborate-spark:' "$work/$name.log" || fail "no summary from $name"
  echo "   ($((SECONDS - t0)) s)"
}
run jsonl --input "$work/events.jsonl" --input-format jsonl --output "$work/jsonl" --partitions 4

# The same events as Parquet, written with the job's own declared event schema.
python3 - "$work" <<'PY'
import sys
sys.path.insert(0, "contrib/spark")
from corroborate_spark import EVENT_SCHEMA
from pyspark.sql import SparkSession
w = sys.argv[1]
s = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
     .config("spark.ui.showConsoleProgress", "false")
     .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
     .getOrCreate())
s.sparkContext.setLogLevel("ERROR")
s.read.schema(EVENT_SCHEMA).json(f"{w}/events.jsonl").write.parquet(f"{w}/events.parquet")
s.stop()
PY
run parquet --input "$work/events.parquet" --output "$work/parquet"

echo "== checking against plain batch"
if python3 contrib/spark/check.py "$work/plain.jsonl" "$work/plain.csv" "$work/jsonl" "$work/parquet"; then
  echo "spark test: PASS"
else
  fail "Spark output differs from plain batch"
fi
