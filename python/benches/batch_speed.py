#!/usr/bin/env python3
"""What the Python call adds over the Rust library on `batch`: CPU time of
`corroborate.batch()` against the `corroborate batch` command (the same library, built with
the same release profile, from the same wheel) on the bench corpus of benches/gen_events.py.

Runs alternate, so both sides see the same machine load; figures are medians of --runs runs,
CPU time (user + system, every thread) first, wall time beside it. Python sides:

- lines:  `for f in corroborate.batch(open(path))` — the whole Python process (interpreter,
          import, reading the file), the JSON lines parsed by the library as the CLI does;
- dicts:  the events already in memory as dicts (`json.loads` done before the clock starts):
          only the batch call and the loop over its findings are timed, in-process;
- dicts+dict: as dicts, and every finding also turned into plain Python objects
          (`to_dict()`: claims, quantities), which is what materializing costs.

The CLI side is the whole `corroborate batch -j N FILE -o OUT` process (reading, parsing,
comparing, writing JSON Lines). Needs the package installed (`pip install ./python`).

Usage: python3 python/benches/batch_speed.py [--events 10000] [--runs 5] [--jobs 2]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corroborate

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys, time
import corroborate
mode, path, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
if mode == "lines":
    n = 0
    with open(path, encoding="utf-8") as f:
        for finding in corroborate.batch(f, jobs=jobs):
            n += 1
else:
    with open(path, encoding="utf-8") as f:
        events = [json.loads(l) for l in f]
    c0, w0 = time.process_time(), time.perf_counter()
    n = 0
    for finding in corroborate.batch(events, jobs=jobs):
        if mode == "dicts+dict":
            finding.to_dict()
        n += 1
    print(json.dumps({"cpu": time.process_time() - c0, "wall": time.perf_counter() - w0, "findings": n}))
"""


def run(cmd):
    """Runs a command; returns (cpu seconds of the process, wall seconds, stdout)."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            sys.exit(f"{cmd[0]} exited {p.returncode}")
        out.seek(0)
        return usage.ru_utime + usage.ru_stime, wall, out.read()


def corpus(events):
    path = REPO / "target" / "bench-data" / f"events{events}.jsonl"
    if not path.exists() or path.stat().st_size == 0:
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(REPO / "benches" / "gen_events.py"), "--events",
                        str(events), "--seed", "corroborate", "-o", str(path)], check=True)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    path = corpus(a.events)
    exe = corroborate.executable()
    sides = ["cli", "lines", "dicts", "dicts+dict"]
    cpu = {s: [] for s in sides}
    wall = {s: [] for s in sides}
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.jsonl")
        cli_findings = None
        for r in range(a.runs + 1):  # the first round warms the page cache and is dropped
            c, w, _ = run([exe, "batch", "--exit-zero", "-j", str(a.jobs), str(path), "-o", out])
            if cli_findings is None:
                with open(out, "rb") as f:
                    cli_findings = sum(1 for _ in f)
            if r:
                cpu["cli"].append(c)
                wall["cli"].append(w)
            for side in sides[1:]:
                c, w, stdout = run([sys.executable, "-c", CHILD, side, str(path), str(a.jobs)])
                if side != "lines":
                    m = json.loads(stdout)
                    assert m["findings"] == cli_findings, (m, cli_findings)
                    c, w = m["cpu"], m["wall"]
                if r:
                    cpu[side].append(c)
                    wall[side].append(w)
            if r:
                print(f"run {r}: " + "  ".join(f"{s} {cpu[s][-1]:.2f}s" for s in sides), flush=True)
    print(f"\n{a.events} events ({path.stat().st_size / 1e6:.1f} MB), -j {a.jobs}, "
          f"{cli_findings} findings, medians of {a.runs} runs; the ratio is the median of "
          "each round's CPU time over the CLI's in the same round")
    for s in sides:
        c, w = statistics.median(cpu[s]), statistics.median(wall[s])
        ratio = statistics.median(x / y for x, y in zip(cpu[s], cpu["cli"]))
        label = "corroborate batch (CLI)" if s == "cli" else f"corroborate.batch [{s}]"
        print(f"  {label:32} cpu {c:7.3f} s   wall {w:7.3f} s   cpu ratio {ratio:5.3f}")


if __name__ == "__main__":
    main()
