"""Every corpus event through `compare` and `batch`: the Python objects hold exactly what
the command-line tool writes (its JSON, with offsets as str indices), and every report
format is the tool's own."""

import json

import pytest

import corroborate
from conftest import events, reports, wire_to_python

EVENTS = events()


@pytest.mark.parametrize("event", EVENTS, ids=[e.name for e in EVENTS])
def test_findings_equal_the_cli_json(event, cli):
    files = reports(event)
    out = cli("compare", *files, "--format", "json")
    wire = json.loads(out.stdout)
    cmp = corroborate.compare(files)

    assert cmp.to_json() == out.stdout.decode("utf-8")
    texts = {s.id: s.text for s in cmp.sources}
    for f in files:
        if f.suffix != ".html":  # an HTML report's text is its extracted article
            assert texts[f.stem] == f.read_text(encoding="utf-8")
    want = [wire_to_python(f, texts) for f in wire["findings"]]
    assert [f.to_dict() for f in cmp.findings] == want
    assert [json.loads(f.to_json()) for f in cmp.findings] == wire["findings"]
    assert [{k: v for k, v in s.to_dict().items() if k != "text"} for s in cmp.sources] == wire["sources"]
    for f, w in zip(cmp.findings, wire["findings"]):
        assert (f.kind, f.topic, f.confidence, f.explanation) == (
            w["kind"], w["topic"], w["confidence"], w["explanation"])
        assert f.consensus == w.get("consensus", [])
        assert f.outliers == w.get("outliers", [])
        assert f.reasons == w.get("reasons", [])
        assert f.event_id is None
    assert cmp.has_discrepancy == (out.returncode == 1)


@pytest.mark.parametrize("fmt", ["csv", "markdown", "html", "text"])
def test_reports_equal_the_cli_reports(fmt, cli):
    for event in EVENTS:
        files = reports(event)
        want = cli("compare", *files, "--format", fmt, "--color", "never").stdout.decode("utf-8")
        got = getattr(corroborate.compare(files), f"to_{fmt}")()
        assert got == want, event.name


def test_filters_equal_the_cli_flags(cli):
    files = reports(EVENTS[0])
    out = cli("compare", *files, "-f", "json", "--only", "discrepancy,unique", "--min-confidence", "0.6")
    cmp = corroborate.compare(files)
    assert cmp.to_json(only=["discrepancy", "unique"], min_confidence=0.6) == out.stdout.decode()
    kept = cmp.filter(only="discrepancy,unique", min_confidence=0.6)
    assert [json.loads(f.to_json()) for f in kept] == json.loads(out.stdout)["findings"]


def test_labels_and_dates_equal_the_cli_flags(cli):
    files = reports(EVENTS[0])[:2]
    out = cli("compare", *files, "-f", "json", "--label", "First", "--label", "Second",
              "--published", "2025-01-02T10:30Z", "--published", "2025-01-03")
    cmp = corroborate.compare(files, labels=["First", "Second"],
                              published=["2025-01-02T10:30Z", "2025-01-03"])
    assert cmp.to_json() == out.stdout.decode()
    assert [s.label for s in cmp.sources] == ["First", "Second"]
    assert [s.published for s in cmp.sources] == ["2025-01-02T10:30Z", "2025-01-03"]


def test_the_corpus_as_one_batch_equals_cli_batch(cli, tmp_path):
    lines = []
    for event in EVENTS:
        rs = [{"id": f.stem, "label": f.stem.upper(), "text": f.read_text(encoding="utf-8")}
              for f in reports(event)]
        lines.append(json.dumps({"event_id": event.name, "reports": rs}))
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = cli("batch", path)
    want = out.stdout.decode("utf-8").splitlines()
    found = list(corroborate.batch(json.loads(l) for l in lines))
    assert [f.to_json() for f in found] == want
    texts = {(json.loads(l)["event_id"], r["id"]): r["text"] for l in lines for r in json.loads(l)["reports"]}
    for f, w in zip(found, want):
        w = json.loads(w)
        by_source = {c["source"]: texts[(w["event_id"], c["source"])] for c in w["claims"]}
        assert f.to_dict() == wire_to_python(w, by_source)
