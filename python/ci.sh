#!/usr/bin/env bash
# CI step of the Python package (`.ci/run`): `pip install ./python` — the README's command —
# into a throwaway virtualenv, with the test extras (pytest, pandas, pyarrow, nbclient,
# ipykernel, mypy), then pytest over python/tests.
#
# The extension is built with the `quick` cargo profile (no LTO, 16 codegen units: the same
# CPU time as `release`, but about 40% less wall time on two cores, as the last crates build
# in parallel; the tests' results do not depend on it). The command-line
# tool in the wheel is the repository's `cargo build --release` binary, which `.ci/run` has
# built already for the Spark step, so it is reused. CORROBORATE_PROFILE=release builds the
# wheel exactly as users get it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
t0=$SECONDS

mkdir -p target
work=$(mktemp -d "$root/target/python-ci.XXXXXX")
trap 'rm -rf "$work"' EXIT
if ! python3 -m venv "$work/venv" 2>/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
  rm -rf "$work/venv" && python3 -m venv "$work/venv"
fi
py=$work/venv/bin/python

echo "== cargo fmt --check (python/)"
cargo fmt --check --manifest-path python/Cargo.toml

echo "== pip install ./python[test] (extension profile ${CORROBORATE_PROFILE:-quick})"
CORROBORATE_PROFILE=${CORROBORATE_PROFILE:-quick} \
  "$py" -m pip install -q --disable-pip-version-check "./python[test]"
echo "   ($((SECONDS - t0)) s)"

echo "== pytest python/tests"
# From the repository root, so that the installed package is imported, not python/corroborate/.
CORROBORATE_REQUIRE_NBCLIENT=1 "$py" -m pytest -q -p no:cacheprovider python/tests
echo "python: $((SECONDS - t0)) s"
