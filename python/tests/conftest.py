"""Shared fixtures: the repository's corpus, the command-line tool installed with the wheel,
and helpers that turn the CLI's UTF-8 byte offsets into str indices."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import corroborate

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
GEN_EVENTS = REPO / "benches" / "gen_events.py"
REPORT_EXTENSIONS = (".txt", ".md", ".html")


def events():
    """Event folders of the corpus, sorted (as tests/corpus.rs takes them)."""
    return sorted(p for p in CORPUS.iterdir() if p.is_dir())


def reports(event):
    """Report files of an event folder, sorted."""
    return sorted(p for p in event.iterdir() if p.suffix in REPORT_EXTENSIONS)


@pytest.fixture(scope="session")
def cli():
    """Runs the command-line tool shipped in the wheel: ``cli("compare", ...)``."""
    exe = corroborate.executable()

    # The text report's width follows COLUMNS when it is set (pytest may set it); the
    # library's default is the width of a report that goes to a file.
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}

    def run(*args, input=None, check_codes=(0, 1)):
        out = subprocess.run([exe, *map(str, args)], input=input, capture_output=True, env=env)
        assert out.returncode in check_codes, out.stderr.decode()
        return out

    run.exe = exe
    return run


def char_offsets(value, text):
    """A copy of a wire claim with every `start`/`end` turned from a byte offset into a str
    index of `text` (computed independently of the library's conversion)."""
    raw = text.encode("utf-8")

    def conv(v):
        if isinstance(v, dict):
            return {
                k: (len(raw[:x].decode("utf-8")) if k in ("start", "end") and isinstance(x, int) else conv(x))
                for k, x in v.items()
            }
        if isinstance(v, list):
            return [conv(x) for x in v]
        return v

    return conv(value)


def wire_to_python(finding, texts_by_source):
    """A wire finding as `Finding.to_dict()` gives it: claims' offsets as str indices."""
    out = dict(finding)
    out["claims"] = [char_offsets(c, texts_by_source[c["source"]]) for c in finding["claims"]]
    return out


def generated_events(n, seed="python-tests"):
    """`n` events from benches/gen_events.py, as JSON lines."""
    out = subprocess.run(
        [sys.executable, str(GEN_EVENTS), "--events", str(n), "--seed", seed],
        check=True, capture_output=True,
    )
    return out.stdout.decode("utf-8").splitlines()


@pytest.fixture(scope="session")
def thousand_events(tmp_path_factory):
    """1,000 generated events: (path of the JSON Lines file, the lines)."""
    lines = generated_events(1000)
    path = tmp_path_factory.mktemp("events") / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, lines


def json_lines(data):
    return [json.loads(l) for l in data.decode("utf-8").splitlines() if l.strip()]
