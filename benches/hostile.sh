#!/usr/bin/env bash
# Pathological inputs at several sizes: CPU time, peak RSS and output size of each command,
# against a time limit. Inputs come from benches/gen_hostile.py (deterministic, cached in
# target/bench-data/hostile/); nothing is committed.
#
# Usage: benches/hostile.sh [CASES]             e.g. benches/hostile.sh "html run-on"
#        BIN=path/to/corroborate benches/hostile.sh    (default: builds and uses target/release)
#        LIMIT=120 RUNS=3 benches/hostile.sh           (seconds before a run counts as a hang;
#                                                       runs per row, the median is shown)
#        MEM_GB=8 benches/hostile.sh                   (address-space limit of one run, so a
#                                                       runaway run fails instead of swapping
#                                                       a shared machine; default 8)
# CASES: html (deep and unclosed nesting, a big page of figures), figures (one sentence of
# many figures), run-on (one unpunctuated run of text), claims (many claims in one report),
# reports (one batch event with many reports). Default: all.
#
# CPU is user + system time from /usr/bin/time -v, the median of RUNS runs (on a shared
# machine wall time says more about the neighbours); peak RSS is from the same runs. A row
# that hits LIMIT shows "> LIMIT s" and is not repeated.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ -z "${BIN:-}" ]; then
  cargo build --release -q
  BIN=$PWD/target/release/corroborate
fi
limit=${LIMIT:-120}
mem_kb=$((${MEM_GB:-8} * 1024 * 1024))
runs=${RUNS:-3}
cases=${1:-html figures run-on claims reports}
data=target/bench-data/hostile
mkdir -p "$data"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf 'Thirty people were killed and 1,200 homes were damaged, officials said.\n' >"$out/small.txt"

# input KIND SIZE EXT: generates once, prints the path.
input() {
  local f=$data/$1-$2.$3
  [ -s "$f" ] || python3 benches/gen_hostile.py "$1" "$2" -o "$f"
  echo "$f"
}

# row LABEL FILE ARGS...: runs `corroborate ARGS` (FILE is the input, for its size) RUNS times.
row() {
  local label=$1 file=$2
  shift 2
  local cpus=() rss=0 bytes=0 status=0 hung=
  for _ in $(seq "$runs"); do
    status=0
    (ulimit -v "$mem_kb" && exec timeout "$limit" /usr/bin/time -v -o "$out/time" "$BIN" "$@") \
      >"$out/stdout" 2>"$out/stderr" || status=$?
    if [ "$status" -eq 124 ]; then
      hung=1
      break
    fi
    cpus+=("$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u + s}' "$out/time")")
    rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$out/time")
    bytes=$(stat -c %s "$out/stdout")
  done
  local size
  size=$(stat -c %s "$file")
  if [ -n "$hung" ]; then
    printf '| %s | %s | > %s s | | | timeout |\n' "$label" "$(human "$size")" "$limit"
    return
  fi
  local cpu
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
  printf '| %s | %s | %s s | %s MB | %s | exit %s%s |\n' "$label" "$(human "$size")" "$cpu" "$rss" \
    "$(human "$bytes")" "$status" "$(grep -q 'warning' "$out/stderr" && echo ', warns' || true)"
}

human() {
  awk -v b="$1" 'BEGIN { if (b >= 1e6) printf "%.1f MB", b / 1e6; else if (b >= 1e3) printf "%.0f KB", b / 1e3; else printf "%d B", b }'
}

echo "binary: $BIN ($("$BIN" --version)), $runs runs, limit $limit s and ${MEM_GB:-8} GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo '| input | size | CPU | peak RSS | output | |'
echo '| --- | --- | --- | --- | --- | --- |'
for c in $cases; do
  case $c in
    html)
      for n in 10000 105000; do
        f=$(input nested-span $n html)
        row "\`claims\`, $n nested \`<span>\`" "$f" claims "$f"
      done
      for n in 1000 3000 10000 100000; do
        f=$(input nested-div $n html)
        row "\`claims\`, $n nested \`<div>\`" "$f" claims "$f"
      done
      f=$(input unclosed-div 20000 html)
      row "\`claims\`, 20000 unclosed \`<div>\`" "$f" claims "$f"
      for mb in 2 10; do
        f=$(input html-figures $mb html)
        row "\`compare\`, page of figures, $mb MB" "$f" compare "$f" "$out/small.txt" -f json
      done
      # One list of distinct figures: reading it (sentences) against comparing it.
      for mb in 1 4; do
        f=$(input html-list $mb html)
        row "\`sentences\`, list of figures, $mb MB" "$f" sentences "$f"
        row "\`compare\`, list of figures, $mb MB" "$f" compare "$f" "$out/small.txt" -f json
      done
      ;;
    figures)
      for n in 10000 30000 100000; do
        f=$(input figures-sentence $n txt)
        row "\`claims\`, one sentence, $n figures" "$f" claims "$f"
        row "\`compare\`, one sentence, $n figures" "$f" compare "$f" "$out/small.txt" -f json
      done
      ;;
    run-on)
      for mb in 1 4 20; do
        f=$(input unpunctuated $mb txt)
        row "\`claims\`, unpunctuated, $mb MB" "$f" claims "$f"
        row "\`compare\`, unpunctuated, $mb MB" "$f" compare "$f" "$out/small.txt" -f json
      done
      ;;
    claims)
      for n in 4000 16000 64000; do
        f=$(input claims $n txt)
        row "\`compare\`, $n claims in one report" "$f" compare "$f" "$out/small.txt" -f json
      done
      ;;
    reports)
      for n in 100 300 1000 10000; do
        f=$(input event-reports $n jsonl)
        # 10,000 reports make one line of 31 MB, over batch's default line limit.
        row "\`batch\`, one event of $n reports" "$f" batch "$f" --exit-zero --max-line-bytes 64000000
      done
      ;;
    *) echo "unknown case $c" >&2; exit 2 ;;
  esac
done
