#!/usr/bin/env bash
# Runs contrib/spark's job with the `corroborate` binary of the Python wheel, on a PATH that
# holds no other corroborate (no cargo target/, no ~/.cargo/bin), and checks its output
# against plain `corroborate batch` with contrib/spark/check.py. Two ways:
#   files: the wheel's binary shipped to the executors with --files (executors need nothing);
#   path:  no --files, the virtualenv's bin/ (where pip put the binary) on the executors' PATH.
# Local check, not part of CI (contrib/spark/test.sh already runs the job in CI).
# Usage: python/spark_with_wheel.sh [EVENTS]      (prints "spark with wheel: PASS" last)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
events=${1:-300}
work=$(mktemp -d "$root/target/spark-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT
venv=$work/venv

echo "== a virtualenv with pyspark 4.0.5 and the corroborate wheel"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check pyspark==4.0.5
CORROBORATE_PROFILE=${CORROBORATE_PROFILE:-quick} "$venv/bin/pip" wheel -q --no-deps -w "$work/wheels" ./python
"$venv/bin/pip" install -q --disable-pip-version-check "$work"/wheels/corroborate-*.whl
bin=$("$venv/bin/python" -c 'import corroborate; print(corroborate.executable())')
echo "   the wheel's binary: $bin"

"$venv/bin/python" benches/gen_events.py --events "$events" --seed spark-wheel -o "$work/events.jsonl"
echo '{"event_id": "lonely", "reports": [{"id": "a", "text": "5 people died."}]}' >>"$work/events.jsonl"
"$bin" batch "$work/events.jsonl" --exit-zero --inline-errors -o "$work/plain.jsonl" 2>/dev/null

submit() {
  local path=$1; shift
  env -i HOME="$HOME" PATH="$path" SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$venv/bin/python" \
    ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} \
    "$venv/bin/spark-submit" --master 'local[2]' \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
    --conf spark.sql.shuffle.partitions=4 "$@"
}
base=/usr/local/bin:/usr/bin:/bin
if PATH=$base command -v corroborate >/dev/null; then
  echo "spark with wheel: FAIL (a corroborate is on $base)"; exit 1
fi

echo "== files: --files \$(python -c 'import corroborate; print(corroborate.executable())')"
submit "$base" --files "$bin" contrib/spark/corroborate_spark.py \
  --input "$work/events.jsonl" --output "$work/files" --partitions 2 >"$work/files.log" 2>&1 \
  || { tail -30 "$work/files.log"; echo "spark with wheel: FAIL (files)"; exit 1; }
grep '^corroborate-spark:' "$work/files.log"

echo "== path: the virtualenv's bin/ on PATH, no --files"
submit "$venv/bin:$base" contrib/spark/corroborate_spark.py \
  --input "$work/events.jsonl" --output "$work/path" --partitions 2 >"$work/path.log" 2>&1 \
  || { tail -30 "$work/path.log"; echo "spark with wheel: FAIL (path)"; exit 1; }
grep '^corroborate-spark:' "$work/path.log"

if SPARK_LOCAL_IP=127.0.0.1 PATH="$venv/bin:$PATH" "$venv/bin/python" contrib/spark/check.py "$work/plain.jsonl" "$work/files" "$work/path"; then
  echo "spark with wheel: PASS"
else
  echo "spark with wheel: FAIL (output differs from plain batch)"; exit 1
fi
