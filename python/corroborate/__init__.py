"""corroborate compares news reports of the same event claim by claim.

Given two or more reports it finds which figures agree ("at least 30 killed" and
"thirty-four died"), which are discrepancies (300 vs 500 staff, or one figure counting
different things), and which claims only one source makes, quoting each sentence as evidence.
It runs the same Rust library as the ``corroborate`` command-line tool, which this package
installs too.

>>> import corroborate
>>> cmp = corroborate.compare([("Courier", "At least 30 people were killed in the quake."),
...                            ("Wire", "Thirty-four people died in the earthquake.")])
>>> [(f.kind, f.topic) for f in cmp.findings]
[('agreement', 'deaths')]

Offsets in the Python objects are str indices into each report's text
(``Comparison.sources[i].text``); the JSON, CSV, Markdown and HTML reports are exactly those
of the command-line tool.
"""

from ._corroborate import Batch, Finding, __version__
from ._errors import ArgumentError, Error, EventError, ReportError, ReportWarning
from ._records import Claim, ErrorRecord, ExtractedClaim, Quantity, Role, Sentence, Source
from ._api import (
    Comparison,
    batch,
    claims,
    compare,
    executable,
    sentences,
    to_arrow,
    to_pandas,
)

__all__ = [
    "compare",
    "claims",
    "sentences",
    "batch",
    "to_pandas",
    "to_arrow",
    "executable",
    "Comparison",
    "Finding",
    "Batch",
    "Source",
    "Claim",
    "Quantity",
    "Role",
    "Sentence",
    "ExtractedClaim",
    "ErrorRecord",
    "Error",
    "ArgumentError",
    "ReportError",
    "EventError",
    "ReportWarning",
    "__version__",
]
