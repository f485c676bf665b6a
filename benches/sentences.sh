#!/usr/bin/env bash
# Whole-process throughput and memory of `corroborate sentences`, side by side with pySBD.
#
# Usage: benches/sentences.sh [COMPARE_MB] [BIG_MB]      (defaults: 2 and 100)
#
# - Builds a news file from the articles in ../shared/eval (ECB+ sample documents and NewsNLI
#   premises, paragraphs kept, repeated to size); nothing is copied into the repo.
# - Installs pySBD into a throwaway virtualenv under /tmp, removed on exit.
# - Runs both on the same COMPARE_MB file with hyperfine, each pinned to one core, output to
#   /dev/null, and prints medians and the ratio. pySBD gets its fastest fair use: one
#   Segmenter, clean=False, fed paragraph by paragraph, printing one sentence a line
#   (corroborate prints JSON Lines with byte offsets, which is more work).
# - Then times corroborate alone on a BIG_MB file (median MB/s on one core) and measures its
#   peak RSS with /usr/bin/time -v at BIG_MB/4 and BIG_MB, to show memory stays flat.
set -euo pipefail
cd "$(dirname "$0")/.."
cmp_mb=${1:-2}
big_mb=${2:-100}
eval_dir=../shared/eval
[ -d "$eval_dir" ] || { echo "needs $eval_dir beside the checkout" >&2; exit 2; }
need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"

cargo build --release -q
bin=$PWD/target/release/corroborate
work=$(mktemp -d /tmp/corroborate-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "installing pySBD into $work/venv ..."
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pysbd
pysbd_version=$("$work/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("pysbd"))')

cat >"$work/pysbd_run.py" <<'PY'
import sys
import pysbd
seg = pysbd.Segmenter(language="en", clean=False)
text = open(sys.argv[1], encoding="utf-8").read()
write = sys.stdout.write
for para in text.split("\n\n"):
    if para.strip():
        for s in seg.segment(para):
            write(s.strip() + "\n")
PY

# A news file of N megabytes: articles with their paragraphs, separated by blank lines.
make_news() {
  python3 - "$eval_dir" "$1" "$2" <<'PY'
import json, pathlib, sys
eval_dir, mb, out = pathlib.Path(sys.argv[1]), float(sys.argv[2]), pathlib.Path(sys.argv[3])
articles = []
for line in open(eval_dir / "ecbplus_sample/documents_sample.jsonl", encoding="utf-8"):
    s = json.loads(line)["sentences"]
    paras = [s[0]] + [" ".join(s[i:i + 3]) for i in range(1, len(s), 3)]
    articles.append("\n\n".join(paras))
for line in open(eval_dir / "equate/newsnli.jsonl", encoding="utf-8"):
    a = json.loads(line).get("a") or ""
    if a.strip():
        articles.append(a.strip())
target, size, parts, i = int(mb * 1_000_000), 0, [], 0
while size < target:
    a = articles[i % len(articles)]
    parts.append(a)
    size += len(a.encode()) + 3
    i += 1
out.write_text("\n\n\n".join(parts), encoding="utf-8")
PY
}

make_news "$cmp_mb" "$work/compare.txt"
cmp_bytes=$(stat -c %s "$work/compare.txt")
echo "comparison file: $cmp_bytes bytes of news text"
hyperfine --style basic --warmup 1 --runs 3 --export-json "$work/cmp.json" \
  -n corroborate "$pin $bin sentences $work/compare.txt --lang en" \
  -n pysbd "$pin $work/venv/bin/python $work/pysbd_run.py $work/compare.txt"

make_news "$big_mb" "$work/big.txt"
make_news "$(python3 -c "print($big_mb / 4)")" "$work/quarter.txt"
big_bytes=$(stat -c %s "$work/big.txt")
quarter_bytes=$(stat -c %s "$work/quarter.txt")
echo "large file: $big_bytes bytes"
hyperfine --style basic --warmup 1 --runs 5 --export-json "$work/big.json" \
  -n corroborate-big "$pin $bin sentences $work/big.txt --lang en"

rss() { /usr/bin/time -v $pin "$bin" sentences "$1" --lang en 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}'; }
rss_quarter=$(rss "$work/quarter.txt")
rss_big=$(rss "$work/big.txt")

python3 - "$work" "$cmp_bytes" "$big_bytes" "$quarter_bytes" "$rss_quarter" "$rss_big" "$pysbd_version" <<'PY'
import json, sys
work, cmp_b, big_b, q_b, rss_q, rss_b, ver = sys.argv[1:]
cmp_b, big_b, q_b = int(cmp_b), int(big_b), int(q_b)
res = {r["command"]: r for r in json.load(open(f"{work}/cmp.json"))["results"]}
big = json.load(open(f"{work}/big.json"))["results"][0]
c, p = res["corroborate"]["median"], res["pysbd"]["median"]
print()
print(f"same file, {cmp_b / 1e6:.1f} MB, one core each (hyperfine medians):")
print(f"  corroborate sentences  {c:8.3f} s  {cmp_b / c / 1e6:8.2f} MB/s")
print(f"  pySBD {ver} (per paragraph) {p:8.3f} s  {cmp_b / p / 1e6:8.2f} MB/s")
print(f"  ratio: {p / c:.0f}x")
print(f"large file, {big_b / 1e6:.1f} MB: median {big['median']:.3f} s = {big_b / big['median'] / 1e6:.1f} MB/s")
print(f"peak RSS: {q_b / 1e6:.0f} MB input -> {int(rss_q) / 1024:.1f} MB; {big_b / 1e6:.0f} MB input -> {int(rss_b) / 1024:.1f} MB")
PY
