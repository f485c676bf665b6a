# Type stubs of the native module (python/src/). The public functions wrap these in
# corroborate/_api.py; `Finding` and `Batch` are exported from `corroborate` as they are.
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, final

from ._records import Claim, ErrorRecord

__version__: str

@final
class Finding:
    """One agreement, discrepancy or unique claim.

    ``kind``, ``topic``, ``confidence``, ``explanation`` and ``event_id`` are read directly;
    ``claims`` and the other fields are built on first use. Offsets are str indices into the
    claim's report text; ``to_json()`` is the finding as the command-line tool writes it
    (UTF-8 byte offsets). A field the JSON wire format gains later is an attribute too
    (untyped: read it with ``getattr`` or ``to_dict()``).
    """

    @property
    def kind(self) -> str:
        """``"agreement"``, ``"discrepancy"`` or ``"unique"``."""
    @property
    def topic(self) -> str:
        """What the claims are about (``"deaths"``, ``"leader of Khimprom"``)."""
    @property
    def confidence(self) -> float:
        """How sure the judgement is, from 0 to 1."""
    @property
    def explanation(self) -> str:
        """Why, in a sentence or two."""
    @property
    def event_id(self) -> Optional[str]:
        """The batch event the finding belongs to; ``None`` for a finding of ``compare``."""
    @property
    def claims(self) -> List[Claim]:
        """The claims as evidence, one per source, in source order."""
    @property
    def consensus(self) -> List[str]:
        """With three or more sources: the ids of the sources that agree."""
    @property
    def outliers(self) -> List[str]:
        """With three or more sources: the ids of the sources that disagree."""
    @property
    def reasons(self) -> List[str]:
        """Why the claims were taken to state one figure."""
    def to_dict(self) -> Dict[str, Any]:
        """Every field as plain Python values (a new dict each call)."""
    def to_json(self) -> str:
        """The finding as ``compare --format json`` writes it, or a line of ``batch``."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Batch(Iterator[Union[Finding, ErrorRecord]]):
    """The iterator :func:`corroborate.batch` returns: findings in input order."""

    def __iter__(self) -> "Batch": ...
    def __next__(self) -> Union[Finding, ErrorRecord]: ...
    @property
    def events_read(self) -> int:
        """Events taken from the input so far."""
    @property
    def events_compared(self) -> int:
        """Events compared so far."""
    @property
    def events_failed(self) -> int:
        """Events that could not be compared so far."""
    @property
    def findings(self) -> int:
        """Findings of the events compared so far."""

@final
class ComparisonCore:
    def render(
        self, format: str, only: Sequence[str], min_confidence: float, color: bool = False
    ) -> str: ...
    def findings(self, only: Sequence[str], min_confidence: float) -> List[Finding]: ...
    def sources(self) -> List[Dict[str, Any]]: ...
    @property
    def has_discrepancy(self) -> bool: ...

def compare(
    reports: Sequence[Union[Tuple[str, Optional[str]], Tuple[str, str, str]]],
    published: Sequence[Optional[str]],
) -> Tuple[ComparisonCore, List[str]]: ...
def claims(text: str, lang: Optional[str] = None) -> List[Dict[str, Any]]: ...
def sentences(
    text: str, lang: Optional[str] = None, wrapped: bool = False
) -> List[Dict[str, Any]]: ...
def batch(
    events: Iterator[Any],
    jobs: Optional[int],
    yield_errors: bool,
    only: Sequence[str],
    min_confidence: float,
) -> Batch: ...
def published_text(value: Any) -> Optional[str]: ...
