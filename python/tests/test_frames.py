"""Findings as tables: one row per claim with its finding's columns."""

import json

import pytest

import corroborate
from conftest import CORPUS, reports

pd = pytest.importorskip("pandas")


def test_comparison_to_pandas_has_a_row_per_claim():
    cmp = corroborate.compare(reports(CORPUS / "northeast-snowstorm"))
    df = cmp.to_pandas()
    assert len(df) == sum(len(f.claims) for f in cmp.findings)
    for col in ("finding", "kind", "topic", "confidence", "explanation", "source", "label",
                "sentence", "start", "end", "quantity_text", "quantity_value", "quantity_unit",
                "quantity_attribution", "outlier", "consensus", "outliers", "reasons"):
        assert col in df.columns, col
    assert str(df["start"].dtype) == "Int64" and str(df["quantity_start"].dtype) == "Int64"
    texts = {s.id: s.text for s in cmp.sources}
    for row in df.itertuples():
        assert texts[row.source][row.start:row.end] == row.sentence
    first = cmp.findings[0]
    rows = df[df["finding"] == 0]
    assert list(rows["source"]) == [c.source for c in first.claims]
    assert set(rows["kind"]) == {first.kind}
    outliers = df[df["outlier"]]
    assert all(r.source in r.outliers for r in outliers.itertuples())


def test_batch_findings_to_pandas_and_arrow(thousand_events):
    _, lines = thousand_events
    found = list(corroborate.batch(lines[:50], errors="yield"))
    df = corroborate.to_pandas(found)
    assert list(df.columns[:2]) == ["event_id", "finding"]
    assert len(df) == sum(len(f.claims) for f in found)
    assert set(df["event_id"]) <= {json.loads(l)["event_id"] for l in lines[:50]}
    pa = pytest.importorskip("pyarrow")
    table = corroborate.to_arrow(found)
    assert isinstance(table, pa.Table) and table.num_rows == len(df)
    assert table.column_names == list(df.columns)


def test_error_records_are_rows_too():
    bad = {"event_id": "x", "reports": []}
    df = corroborate.to_pandas(corroborate.batch([bad], errors="yield"))
    assert list(df["kind"]) == ["error"] and "needs at least two" in df["message"][0]
