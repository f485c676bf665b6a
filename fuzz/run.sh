#!/usr/bin/env bash
# Runs the cargo-fuzz targets for a while each and prints what they did.
#
# Usage: fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
#        FUZZ_MAX_LEN=65536 fuzz/run.sh 600 html            (longer inputs; default 16384)
#
# Needs a nightly toolchain and cargo-fuzz; installs both when missing (this script only:
# CI never runs it, `cargo test` runs the bounded stand-in in tests/fuzz.rs instead). The
# corpus of each target is seeded from the reports in corpus/ and kept in fuzz/corpus/
# (ignored by git); a crash, a timeout (10 s for one input) or running out of memory (2 GB)
# leaves its input in fuzz/artifacts/TARGET/, which `cargo +nightly fuzz run TARGET FILE`
# replays. Runs under `nice`: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
shift || true
targets=${*:-tokenizer numbers splitter html compare}
max_len=${FUZZ_MAX_LEN:-16384}

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "== installing the nightly toolchain (for libFuzzer's sanitizer flags)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# seed TARGET: the reports of corpus/ (for compare, each event's first two reports joined by
# the \x01 the target splits at), once.
seed() {
  local t=$1 dir=corpus/$1
  [ -n "$(ls -A "$dir" 2>/dev/null)" ] && return
  mkdir -p "$dir"
  if [ "$t" = compare ]; then
    for ev in ../corpus/*/; do
      mapfile -t r < <(ls "$ev" | grep -E '\.(txt|md|html)$' | head -2)
      [ "${#r[@]}" -eq 2 ] || continue
      { cat "$ev${r[0]}"; printf '\001'; cat "$ev${r[1]}"; } >"$dir/$(basename "$ev")"
    done
  else
    for f in ../corpus/*/*.txt ../corpus/*/*.md ../corpus/*/*.html; do
      [ -e "$f" ] && cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
    # The splitter's first byte picks the language.
    [ "$t" = splitter ] && for f in "$dir"/*; do { printf '\000'; cat "$f"; } >"$f.en" && rm "$f"; done
  fi
  true
}

for t in $targets; do
  seed "$t"
  echo "== fuzz $t for ${secs}s"
  mkdir -p "artifacts/$t"
  log=$(mktemp)
  status=0
  nice -n 10 cargo +nightly fuzz run "$t" "corpus/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"$log" 2>&1 || status=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  found=$(ls "artifacts/$t" | wc -l)
  echo "   $t: $execs executions, corpus $(ls "corpus/$t" | wc -l) inputs, $found artifacts, exit $status"
  [ "$status" -eq 0 ] || tail -40 "$log"
  rm -f "$log"
done
