#!/usr/bin/env bash
# Browser test of the HTML report: opens the report of a corpus event in headless Chromium,
# clicks a finding, checks its sentences are highlighted in every report's column and that no
# script error is logged, and saves a screenshot under target/browser/.
#
#   tests/browser/run.sh [EVENT_DIR]     (default: corpus/northeast-snowstorm, four reports)
#
# Installs Debian's chromium with apt when it is missing; where it cannot be installed (no
# root, no apt, no network) the test is skipped with a message saying so. Everything else it
# needs is the Python standard library and the debug binary (built if absent).
set -euo pipefail
cd "$(dirname "$0")/../.."
event="${1:-corpus/northeast-snowstorm}"
out=target/browser
mkdir -p "$out"

chromium_bin() { command -v chromium || command -v chromium-browser || true; }
if [ -z "$(chromium_bin)" ]; then
  echo "browser test: installing Debian's chromium"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } >"$out/apt.log" 2>&1; then
    echo "SKIP browser test: chromium could not be installed with apt (see $out/apt.log)"
    exit 0
  fi
fi
chromium="$(chromium_bin)"
if [ -z "$chromium" ]; then
  echo "SKIP browser test: apt installed chromium but no chromium binary is on PATH"
  exit 0
fi
echo "browser test: $("$chromium" --version 2>/dev/null | head -1 || echo chromium)"

bin=target/debug/corroborate
[ -x "$bin" ] || cargo build --quiet
name="$(basename "$event")"
shopt -s nullglob
reports=("$event"/*.txt "$event"/*.md "$event"/*.html)
"$bin" compare "${reports[@]}" --format html -o "$out/$name.html" || [ $? -eq 1 ]
"$bin" compare "${reports[@]}" --format json -o "$out/$name.json" || [ $? -eq 1 ]
python3 tests/browser/check.py --chromium "$chromium" "$out/$name.html" "$out/$name.json" "$out/$name.png"
