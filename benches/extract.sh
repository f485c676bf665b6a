#!/usr/bin/env bash
# Throughput of quantity extraction on a generated news file, one core.
# Usage: benches/extract.sh [MEGABYTES]   (default 50)
# 1. the extraction stage alone (cargo bench --bench extract: median of 7 runs, in process);
# 2. the whole `corroborate claims` process (hyperfine, median of 5 runs, output to a file),
#    next to `corroborate sentences` (read, normalize, split, print: the floor under it).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
cargo build --release -q
bin=target/release/corroborate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benches/gen_news.py "$work/news.txt" "$mb"
bytes=$(stat -c %s "$work/news.txt")
echo "== extraction stage (in process)"
taskset -c 0 cargo bench -q --bench extract -- "$work/news.txt"
echo "== whole process"
taskset -c 0 hyperfine --warmup 1 --runs 5 --export-json "$work/h.json" \
  "$bin claims $work/news.txt -o $work/claims.jsonl" \
  "$bin sentences $work/news.txt -o $work/sentences.jsonl" >/dev/null
python3 - "$work/h.json" "$bytes" <<'PY'
import json, sys
res, n = json.load(open(sys.argv[1]))["results"], int(sys.argv[2])
for r in res:
    print(f"{r['command'].split()[1]:<10} median {r['median']:.3f}s  {n / r['median'] / 1e6:.1f} MB/s")
PY
echo "quantities: $(wc -l < "$work/claims.jsonl")"
