#!/usr/bin/env bash
# Whole-process throughput and peak memory of `corroborate batch`.
#
# Usage: benches/batch.sh [SIZES] [JOBS]      e.g. benches/batch.sh "1000 10000 100000" "1 2"
#        benches/batch.sh nway [REPORTS]      e.g. benches/batch.sh nway "10 100 1000"
#        benches/batch.sh gb [EVENTS]         peak RSS on about 1 GB of input (150,000 events)
#
# Corpora come from benches/gen_events.py (deterministic, cached in target/bench-data/).
# Times are hyperfine medians of repeated runs; "per core" divides by the CPU time (user +
# system), so it holds on a machine shared with other work, where wall time does not.
# Peak RSS is from /usr/bin/time -v. Output goes to a file, so writing is included.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release -q
bin=$PWD/target/release/corroborate
data=target/bench-data
mkdir -p "$data"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# corpus NAME ARGS...: generates once; prints the path. NAME.meta holds "events file_bytes text_bytes".
corpus() {
  local name=$1; shift
  local f=$data/$name.jsonl
  if [ ! -s "$f.meta" ]; then
    python3 benches/gen_events.py "$@" -o "$f"
    python3 - "$f" >"$f.meta" <<'PY'
import json, os, sys
n = t = 0
for line in open(sys.argv[1], encoding="utf-8"):
    n += 1
    t += sum(len(r["text"].encode()) for r in json.loads(line)["reports"])
print(n, os.path.getsize(sys.argv[1]), t)
PY
  fi
  echo "$f"
}

# measure FILE JOBS RUNS LABEL: one table row.
measure() {
  local f=$1 j=$2 runs=$3 label=$4
  read -r events bytes text <"$f.meta"
  hyperfine -N --style none --warmup "$([ "$runs" -gt 3 ] && echo 1 || echo 0)" --runs "$runs" \
    --export-json "$out/h.json" "$bin batch --exit-zero -j $j $f -o $out/o.jsonl" >/dev/null 2>&1
  local rss
  rss=$(/usr/bin/time -v "$bin" batch --exit-zero -j "$j" "$f" -o "$out/o.jsonl" 2>&1 >/dev/null |
    awk '/Maximum resident/ {printf "%.0f", $6/1024}')
  python3 - "$out/h.json" "$events" "$bytes" "$text" "$j" "$rss" "$label" "$runs" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
events, size, text, j, rss, label, runs = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7], sys.argv[8]
wall, cpu = r["median"], r["user"] + r["system"]
print(f"{label:>10} {size/1e6:8.1f} MB  -j{j}  median {wall:8.3f} s ({runs} runs)  "
      f"{events/wall:9.1f} events/s  {size/wall/1e6:6.1f} MB/s  "
      f"cpu {cpu:8.3f} s  {text/cpu/1e6:5.1f} MB/s text per core  peak RSS {rss} MB", flush=True)
PY
}

mode=${1:-sizes}
case $mode in
  nway)
    for n in ${2:-10 100 1000}; do
      f=$(corpus "nway$n" --events 1 --reports "$n" --report-bytes 3000 --seed nway)
      measure "$f" 1 5 "$n reports"
    done
    ;;
  gb)
    f=$(corpus "gb" --events "${2:-150000}" --seed corroborate)
    measure "$f" 2 1 "1 GB"
    ;;
  *)
    sizes=${1:-1000 10000 100000}; [ "$sizes" = sizes ] && sizes="1000 10000 100000"
    for n in $sizes; do
      f=$(corpus "events$n" --events "$n" --seed corroborate)
      runs=$((n >= 100000 ? 3 : n >= 10000 ? 5 : 10))
      for j in ${2:-1 2}; do
        measure "$f" "$j" "$runs" "$n ev"
      done
    done
    ;;
esac
