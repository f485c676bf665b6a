"""Findings as tables: one row per claim, with its finding's columns (pandas and Arrow).

Columns come from the findings' fields, so a field the wire format gains becomes a column:
the finding's own fields (``event_id``, ``kind``, ``topic``, ``confidence``,
``explanation``, ``consensus``, ``outliers``, ``reasons``…), then the claim's (``source``,
``sentence``, ``start``, ``end``, ``modality``, ``published``…), its figure's as
``quantity_*`` and its role's as ``role_*``. ``finding`` numbers the findings (rows of one
finding share it), ``outlier`` says whether the claim's source is among the finding's
outliers, and ``label`` is the source's label when the sources are known. An error record
of ``batch(errors="yield")`` is one row of kind ``"error"`` with its ``message``.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional

# Known columns first, in this order; any other column follows in order of appearance.
_ORDER = [
    "event_id", "finding", "kind", "topic", "confidence", "explanation",
    "source", "label", "outlier", "sentence", "start", "end",
    "quantity_text", "quantity_value", "quantity_low", "quantity_high", "quantity_unit",
    "quantity_hedge", "quantity_kind", "quantity_dimension", "quantity_counted",
    "quantity_measure", "quantity_predicate", "quantity_attribution",
    "quantity_start", "quantity_end",
    "role_text", "role_person", "role_role", "role_organisation", "role_start", "role_end",
    "modality", "published", "consensus", "outliers", "reasons", "index", "line", "message",
]
_LISTS = ("consensus", "outliers", "reasons")


def rows(findings: Iterable[Any], labels: Optional[Mapping[str, str]] = None) -> List[Dict[str, Any]]:
    """One dict per claim (or per error record), every row with every column."""
    out: List[Dict[str, Any]] = []
    for number, f in enumerate(findings):
        d = f.to_dict()
        if d.get("kind") == "error":
            out.append({"finding": number, **d})
            continue
        claims = d.pop("claims", [])
        base: Dict[str, Any] = {"finding": number}
        base.update((k, v) for k, v in d.items() if k not in _LISTS)
        for k in _LISTS:
            base[k] = d.get(k, [])
        outliers = set(base["outliers"])
        for c in claims:
            row = dict(base)
            for k, v in c.items():
                if isinstance(v, dict):
                    row.update((f"{k}_{kk}", vv) for kk, vv in v.items())
                elif k in ("quantity", "role"):
                    continue  # null: the claim is of the other kind
                else:
                    row[f"claim_{k}" if k in base else k] = v
            row["outlier"] = c.get("source") in outliers
            if labels is not None:
                row["label"] = labels.get(c.get("source", ""))
            out.append(row)
    columns = _columns(out)
    return [{c: r.get(c) for c in columns} for r in out]


def _columns(rows: List[Dict[str, Any]]) -> List[str]:
    seen: Dict[str, None] = {}
    for r in rows:
        seen.update(dict.fromkeys(r))
    known = [c for c in _ORDER if c in seen]
    return known + [c for c in seen if c not in _ORDER]


def to_pandas(findings: Iterable[Any], labels: Optional[Mapping[str, str]] = None) -> Any:
    """A pandas DataFrame of :func:`rows`; offsets and numbers of rows are nullable ints."""
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_pandas() needs pandas: pip install pandas") from e
    data = rows(findings, labels)
    columns = _columns(data) if data else [c for c in _ORDER if c not in ("index", "line", "message")]
    df = pd.DataFrame.from_records(data, columns=columns)
    for c in df.columns:
        if c in ("finding", "index", "line") or c in ("start", "end") or c.endswith(("_start", "_end")):
            df[c] = df[c].astype("Int64")
    return df


def to_arrow(findings: Iterable[Any], labels: Optional[Mapping[str, str]] = None) -> Any:
    """A pyarrow Table of :func:`rows`."""
    try:
        import pyarrow as pa
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_arrow() needs pyarrow: pip install pyarrow") from e
    return pa.Table.from_pylist(rows(findings, labels))
