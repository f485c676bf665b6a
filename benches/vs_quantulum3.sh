#!/usr/bin/env bash
# corroborate vs quantulum3 on the same generated news file, timed in the same run.
# Usage: benches/vs_quantulum3.sh [MEGABYTES]   (default 1: quantulum3 reads ~20 KB/s)
# quantulum3 is installed from PyPI into a throwaway virtualenv under /tmp (its default
# install, without the optional classifier extra) and parses the file paragraph by
# paragraph; corroborate runs `claims` on the whole file. Both are whole processes timed by
# hyperfine on one core; the ratio is of the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-1}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
venv=/tmp/corroborate-bench-quantulum3
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import quantulum3' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q quantulum3
fi
cargo build --release -q
bin=$PWD/target/release/corroborate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benches/gen_news.py "$work/news.txt" "$mb"
cat > "$work/q3.py" <<'PY'
import sys, warnings
warnings.simplefilter("ignore")
from quantulum3 import parser
text = open(sys.argv[1], encoding="utf-8").read()
n = sum(len(parser.parse(p)) for p in text.split("\n\n") if p.strip())
open(sys.argv[2], "w").write(f"{n}\n")
PY
bytes=$(stat -c %s "$work/news.txt")
taskset -c 0 hyperfine --runs 3 --export-json "$work/q3.json" \
  -n quantulum3 "$venv/bin/python $work/q3.py $work/news.txt $work/q3.count" >/dev/null
taskset -c 0 hyperfine --warmup 1 --runs 10 --export-json "$work/us.json" \
  -n corroborate "$bin claims $work/news.txt -o $work/claims.jsonl" >/dev/null
python3 - "$work/q3.json" "$work/us.json" "$bytes" "$work/q3.count" "$work/claims.jsonl" <<'PY'
import json, sys
q3 = json.load(open(sys.argv[1]))["results"][0]["median"]
us = json.load(open(sys.argv[2]))["results"][0]["median"]
n = int(sys.argv[3])
print(f"input      {n / 1e6:.2f} MB")
print(f"quantulum3 median {q3:8.3f}s  {n / q3 / 1e6:8.3f} MB/s  {open(sys.argv[4]).read().strip()} quantities")
print(f"corroborate median {us:7.3f}s  {n / us / 1e6:8.3f} MB/s  {sum(1 for _ in open(sys.argv[5]))} quantities")
print(f"ratio      {q3 / us:.0f}x")
PY
