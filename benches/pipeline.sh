#!/usr/bin/env bash
# Whole-process throughput of the pipeline stages on a large input built from corpus/.
# Usage: benches/pipeline.sh [MEGABYTES]   (default 20)
# Prints median wall time over repeated runs (hyperfine) and peak RSS (/usr/bin/time -v).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release -q
bin=target/release/corroborate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Concatenate every corpus report (paragraphs intact) until the size is reached.
python3 - "$work/big.txt" "$mb" <<'PY'
import pathlib, sys
out, mb = pathlib.Path(sys.argv[1]), int(sys.argv[2])
texts = [p.read_text() for p in sorted(pathlib.Path("corpus").glob("*/*.txt"))]
if not texts:
    sys.exit("corpus/ has no reports")
buf, size, i = [], 0, 0
while size < mb * 1_000_000:
    t = texts[i % len(texts)]
    buf.append(t); size += len(t.encode()); i += 1
out.write_text("\n\n".join(buf))
PY
bytes=$(stat -c %s "$work/big.txt")
first=$(ls corpus/*/*.txt | head -1)
echo "input: $bytes bytes"
hyperfine --warmup 1 --runs 5 --export-json "$work/h.json" \
  "$bin sentences $work/big.txt -o $work/s.jsonl" \
  "$bin claims $work/big.txt -o $work/c.jsonl" \
  "$bin compare $work/big.txt $first -f json -o $work/cmp.json || test \$? -eq 1"
python3 - "$work/h.json" "$bytes" <<'PY'
import json, sys
res, n = json.load(open(sys.argv[1]))["results"], int(sys.argv[2])
for r in res:
    print(f"{r['command'].split()[1]:<10} median {r['median']:.3f}s  {n / r['median'] / 1e6:.1f} MB/s")
PY
for cmd in sentences claims; do
  /usr/bin/time -v $bin $cmd "$work/big.txt" -o "$work/x" 2>&1 | awk -v c=$cmd '/Maximum resident/ {print c, "peak RSS", $6/1024, "MB"}'
done
