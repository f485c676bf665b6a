"""The public functions of corroborate: each is a thin layer over the Rust library."""

from __future__ import annotations

import html
import os
import re
import warnings
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    List,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from . import _corroborate as _core
from . import _frames
from ._corroborate import Batch, Finding
from ._errors import ArgumentError, Error, ReportWarning
from ._records import ExtractedClaim, Sentence, Source

if TYPE_CHECKING:  # pragma: no cover
    import datetime

    import pandas
    import pyarrow

    Date = Union[str, datetime.date, None]
else:
    Date = Any

#: A report: text, a path (``str`` naming an existing file or ``os.PathLike``), or a
#: ``(label, text)`` pair.
Report = Union[str, "os.PathLike[str]", Tuple[str, str]]
Kinds = Union[str, Iterable[str], None]

# A str is read as a path when it is one line naming an existing file, or a word ending in a
# report extension (then a missing file is an error, never a one-word report).
_PATHLIKE = re.compile(r"\S+\.(txt|text|md|markdown|html?|xhtml)", re.IGNORECASE)


def _is_path(s: str) -> bool:
    if "\n" in s or len(s) > 4096:
        return False
    return os.path.isfile(s) or _PATHLIKE.fullmatch(s) is not None


def _kinds(only: Kinds) -> List[str]:
    if only is None:
        return []
    if isinstance(only, str):
        return [k.strip() for k in only.split(",") if k.strip()]
    return list(only)


class Comparison:
    """The result of :func:`compare`: the sources, the findings and the reports.

    In Jupyter a comparison shows as the HTML report; ``str()`` gives the terminal report.
    """

    __slots__ = ("_core", "_findings", "_sources")

    def __init__(self, core: Any) -> None:
        self._core = core
        self._findings: Optional[List[Finding]] = None
        self._sources: Optional[List[Source]] = None

    @property
    def sources(self) -> List[Source]:
        """The reports compared, in the order given."""
        if self._sources is None:
            self._sources = [Source(d) for d in self._core.sources()]
        return list(self._sources)

    @property
    def findings(self) -> List[Finding]:
        """Every finding: discrepancies first, then agreements, then unique claims."""
        if self._findings is None:
            self._findings = self._core.findings([], 0.0)
        return list(self._findings)

    def filter(self, only: Kinds = None, min_confidence: float = 0.0) -> List[Finding]:
        """The findings of the kinds in ``only`` (``"discrepancy"``, or a list of kinds) with at
        least ``min_confidence``."""
        return list(self._core.findings(_kinds(only), float(min_confidence)))

    @property
    def has_discrepancy(self) -> bool:
        """Whether any finding is a discrepancy (what makes the CLI exit with 1)."""
        return bool(self._core.has_discrepancy)

    def _render(self, fmt: str, only: Kinds, min_confidence: float, color: bool = False) -> str:
        return str(self._core.render(fmt, _kinds(only), float(min_confidence), color))

    def to_json(self, *, only: Kinds = None, min_confidence: float = 0.0) -> str:
        """The JSON report, exactly as ``corroborate compare --format json`` writes it (offsets
        there are UTF-8 byte offsets)."""
        return self._render("json", only, min_confidence)

    def to_csv(self, *, only: Kinds = None, min_confidence: float = 0.0) -> str:
        """The CSV report of ``compare --format csv`` (one row per finding and pair of
        sources; cells that could run as spreadsheet formulas are neutralized)."""
        return self._render("csv", only, min_confidence)

    def to_markdown(self, *, only: Kinds = None, min_confidence: float = 0.0) -> str:
        """The Markdown report of ``compare --format markdown``."""
        return self._render("markdown", only, min_confidence)

    def to_html(self, *, only: Kinds = None, min_confidence: float = 0.0) -> str:
        """The HTML report of ``compare --format html``: one self-contained page."""
        return self._render("html", only, min_confidence)

    def to_text(
        self, *, only: Kinds = None, min_confidence: float = 0.0, color: bool = False
    ) -> str:
        """The terminal report of ``compare``; ``color`` adds ANSI colours."""
        return self._render("text", only, min_confidence, color)

    def to_pandas(self) -> "pandas.DataFrame":
        """One row per claim with its finding's columns (see :func:`corroborate.to_pandas`);
        ``label`` is the source's label. Needs pandas."""
        return _frames.to_pandas(self.findings, self._labels())

    def to_arrow(self) -> "pyarrow.Table":
        """The rows of :meth:`to_pandas` as a pyarrow Table. Needs pyarrow."""
        return _frames.to_arrow(self.findings, self._labels())

    def _labels(self) -> Dict[str, str]:
        return {s.id: s.label for s in self.sources}

    def _repr_html_(self) -> str:
        # The report is a whole page with its own stylesheet: in an iframe it cannot restyle
        # the notebook around it.
        page = self.to_html()
        height = 120 + 50 * page.count("<h2") + 90 * page.count("<article") + 60 * page.count("<tr>")
        return (
            f'<iframe srcdoc="{html.escape(page, quote=True)}" '
            f'style="width:100%;height:{min(max(height, 160), 900)}px;border:1px solid #ddd;'
            'resize:vertical" sandbox title="corroborate comparison"></iframe>'
        )

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        kinds: Dict[str, int] = {}
        for f in self.findings:
            kinds[f.kind] = kinds.get(f.kind, 0) + 1
        counts = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "no findings"
        names = ", ".join(s.label for s in self.sources)
        return f"<corroborate.Comparison of {names}: {counts}>"


def compare(
    reports: Iterable[Report],
    labels: Optional[Sequence[Optional[str]]] = None,
    published: Optional[Sequence[Date]] = None,
) -> Comparison:
    """Compares two or more reports of one event claim by claim.

    Each report is its text (a ``str``), a file (a ``pathlib.Path``, or a ``str`` that names an
    existing file or ends in ``.txt``/``.md``/``.html``; HTML is reduced to its article text),
    or a ``(label, text)`` pair. ``labels`` names the reports in order (default: the pair's
    label, the file stem, or ``report1``, ``report2``…); for text the label is also the id
    claims refer to. ``published`` gives their publication dates in order (ISO 8601 or
    RFC 2822 strings, ``datetime.date``/``datetime``, or ``None``): a discrepancy then names
    the latest report's figure.

    Raises :class:`ReportError` for a report that cannot be read (naming it) and
    :class:`ArgumentError` for fewer than two reports or a date that is not a date.
    """
    reports = list(reports)
    given_labels = list(labels) if labels is not None else []
    dates = list(published) if published is not None else []
    for what, values in (("labels", given_labels), ("publication dates", dates)):
        if len(values) > len(reports):
            raise ArgumentError(f"{len(values)} {what} given for {len(reports)} reports")
    specs: List[Tuple[str, ...]] = []
    for i, r in enumerate(reports):
        label = given_labels[i] if i < len(given_labels) else None
        if isinstance(r, tuple):
            if len(r) != 2 or not all(isinstance(x, str) for x in r):
                raise TypeError(f"report {i + 1}: a pair is (label, text), both str")
            label = label or r[0]
            specs.append((label, label, r[1]))
        elif isinstance(r, os.PathLike) or (isinstance(r, str) and _is_path(r)):
            path = os.fspath(r)
            if not isinstance(path, str):
                raise TypeError(f"report {i + 1}: a path must be a str path, not bytes")
            specs.append((path, label))  # type: ignore[arg-type]
        elif isinstance(r, str):
            label = label or f"report{i + 1}"
            specs.append((label, label, r))
        else:
            raise TypeError(
                f"report {i + 1}: expected text, a path or a (label, text) pair, "
                f"not {type(r).__name__}"
            )
    texts = []
    for i, d in enumerate(dates):
        try:
            texts.append(_core.published_text(d))
        except ArgumentError as e:
            raise ArgumentError(f"published date of report {i + 1}: {e}") from None
    core, notes = _core.compare(specs, texts)
    for note in notes:
        warnings.warn(note, ReportWarning, stacklevel=2)
    return Comparison(core)


def claims(text: str, lang: Optional[str] = None) -> List[ExtractedClaim]:
    """The figures of a text with their sentences, as ``corroborate claims`` prints them.

    ``lang`` is an ISO 639-1 code for sentence splitting (detected when ``None``); offsets
    (``quantity.start``/``end``) are str indices into ``text``.
    """
    if not isinstance(text, str):
        raise TypeError(f"claims() takes the text as a str, not {type(text).__name__}")
    return [ExtractedClaim(d) for d in _core.claims(text, lang)]


def sentences(text: str, lang: Optional[str] = None, *, wrapped: bool = False) -> List[Sentence]:
    """The sentences of a text, as ``corroborate sentences`` prints them:
    ``text[s.start:s.end] == s.text``.

    ``lang`` is an ISO 639-1 code (detected when ``None``); ``wrapped=True`` says lines were
    wrapped by a program (text from a PDF or an e-mail), so a line break before a lowercase
    word continues the sentence.
    """
    if not isinstance(text, str):
        raise TypeError(f"sentences() takes the text as a str, not {type(text).__name__}")
    return [Sentence(d) for d in _core.sentences(text, lang, bool(wrapped))]


def batch(
    events: Iterable[Union[Dict[str, Any], str, bytes]],
    jobs: Optional[int] = None,
    *,
    errors: str = "raise",
    only: Kinds = None,
    min_confidence: float = 0.0,
) -> Batch:
    """Compares a stream of events, yielding their findings in input order.

    Each event is a dict ``{"event_id", "reports": [{"id", "label", "text", "published"}]}``
    (ids may be ints; other keys are ignored; ``published`` may be a ``date``/``datetime``,
    and ``None`` or ``NaN`` when unknown) or a JSON line of ``corroborate batch`` input as
    ``str``/``bytes`` (so an open JSON Lines file works as is; blank lines are skipped).
    Events are taken a chunk at a time and compared on ``jobs`` threads (default: every core)
    with the GIL released; memory stays flat however long the input.

    An event that cannot be compared raises :class:`EventError` naming it and its position,
    after the findings of the events before it; ``next()`` may then be called again to go
    on. With ``errors="yield"`` an :class:`ErrorRecord` is yielded in its place instead.
    ``only`` and ``min_confidence`` filter findings as in ``compare``.
    """
    if errors not in ("raise", "yield"):
        raise ArgumentError(f"errors must be 'raise' or 'yield', not {errors!r}")
    if isinstance(events, (str, bytes, dict)):
        raise TypeError("batch() takes an iterable of events; put a single event in a list")
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1):
        raise ArgumentError(f"jobs must be a positive int, not {jobs!r}")
    return _core.batch(iter(events), jobs, errors == "yield", _kinds(only), float(min_confidence))


def to_pandas(findings: Iterable[Any]) -> "pandas.DataFrame":
    """Findings (of ``batch`` or ``Comparison.findings``) as a DataFrame, one row per claim
    with its finding's columns; offsets are nullable ints. Needs pandas."""
    return _frames.to_pandas(findings)


def to_arrow(findings: Iterable[Any]) -> "pyarrow.Table":
    """The rows of :func:`to_pandas` as a pyarrow Table. Needs pyarrow."""
    return _frames.to_arrow(findings)


def executable() -> str:
    """The path of the ``corroborate`` command-line tool installed with this package (the
    same program as ``cargo build --release`` makes; for Spark's ``--files``, or
    ``subprocess``)."""
    from importlib import metadata

    try:
        files = metadata.distribution("corroborate").files or []
    except metadata.PackageNotFoundError:
        files = []
    for f in files:
        if f.name in ("corroborate", "corroborate.exe") and f.parent.name in ("bin", "Scripts"):
            path = os.path.abspath(str(f.locate()))
            if os.path.isfile(path):
                return path
    raise Error(
        "the corroborate command-line tool is not installed with this package "
        "(install it with `pip install ./python`; `maturin develop` builds only the module)"
    )

