"""Read-only views of the objects of corroborate's JSON wire format.

Each record wraps the dict the library's JSON reporter produced (offsets turned into str
indices). The documented fields are properties; a field the wire format gains later is still
reachable as an attribute and in ``to_dict()``, so these classes never hide data.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Dict, Iterator, Mapping, Optional, Tuple

__all__ = [
    "Record",
    "Source",
    "Quantity",
    "Role",
    "Claim",
    "Sentence",
    "ExtractedClaim",
    "ErrorRecord",
]


def _field(name: str, doc: str) -> Any:
    def get(self: "Record") -> Any:
        return copy.deepcopy(self._data.get(name))

    return property(get, doc=doc)


class Record:
    """A read-only record over one object of the JSON wire format."""

    __slots__ = ("_data",)
    _data: Dict[str, Any]

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", dict(data))

    if not TYPE_CHECKING:  # type checkers see only the documented fields

        def __getattr__(self, name: str) -> Any:
            # Only reached for names that are not documented fields: newer wire fields.
            if not name.startswith("_"):
                try:
                    return copy.deepcopy(self._data[name])
                except KeyError:
                    pass
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __dir__(self) -> Iterator[str]:
        return iter(sorted(set(super().__dir__()) | set(self._data)))

    def to_dict(self) -> Dict[str, Any]:
        """Every field as plain Python values (a copy)."""
        return copy.deepcopy(self._data)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._data == other._data  # type: ignore[attr-defined, no-any-return]

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self._data,))

    _repr_fields: Tuple[str, ...] = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={self._data.get(k)!r}" for k in self._repr_fields)
        return f"{type(self).__name__}({shown})"


class Source(Record):
    """One report of a comparison."""

    __slots__ = ()
    _repr_fields = ("id", "label", "path")
    id = _field("id", "Unique within the comparison; what ``Claim.source`` refers to.")
    label = _field("label", "The name to show: the label given, or the file stem.")
    path = _field("path", "The path read, or the id for text given in memory.")
    published = _field("published", "The publication date as given, or ``None``.")
    text = _field(
        "text",
        "The report's text that claims' offsets index (for HTML, the article text).",
    )


class Quantity(Record):
    """A figure as written, with its interval, unit and what it counts."""

    __slots__ = ()
    _repr_fields = ("text", "value", "low", "high", "unit", "measure")
    text = _field("text", 'The figure as written ("more than 300 people").')
    start = _field("start", "Where the figure starts: a str index into the report.")
    end = _field("end", "Where the figure ends: a str index into the report.")
    value = _field("value", "The point value, or ``None`` for a vague amount (``dozens``).")
    low = _field("low", "Lower bound of the interval, ``None`` where unbounded.")
    high = _field("high", "Upper bound of the interval, ``None`` where unbounded.")
    hedge = _field("hedge", 'The hedge: "exact", "at_least", "approx"… (see the README).')
    unit = _field("unit", "The unit, converted to its base (``metre``), or ``None``.")
    counted = _field("counted", 'What the figure counts as written ("people").')
    kind = _field("kind", '"count", "money", "percent", "measure", "year", "date"…')
    dimension = _field("dimension", 'What the unit measures ("length", "money:USD").')
    measure = _field("measure", 'What the claim measures ("deaths", "workforce").')
    predicate = _field("predicate", "The verb phrase the figure goes with.")
    attribution = _field("attribution", 'Who says so ("police"), or ``None``.')

    @property
    def interval(self) -> Tuple[Optional[float], Optional[float]]:
        """``(low, high)``; ``None`` on an unbounded side."""
        return (self._data.get("low"), self._data.get("high"))


class Role(Record):
    """A person named in a role (``Yegor Burkin, leader of Khimprom``)."""

    __slots__ = ()
    _repr_fields = ("person", "role", "organisation")
    text = _field("text", "The phrase as written.")
    start = _field("start", "Where the phrase starts: a str index into the report.")
    end = _field("end", "Where the phrase ends: a str index into the report.")
    person = _field("person", "The person's name.")
    role = _field("role", 'The role class ("leader").')
    organisation = _field("organisation", "The organisation, or ``None``.")


class Claim(Record):
    """One source's claim in a finding: a figure or a person in a role, in its sentence."""

    __slots__ = ()
    _repr_fields = ("source", "figure", "sentence")
    source = _field("source", "The id of the report (a ``Source.id``).")
    sentence = _field("sentence", "The sentence quoted as evidence.")
    start = _field("start", "Where the sentence starts: a str index into the report.")
    end = _field("end", "Where the sentence ends: a str index into the report.")
    modality = _field("modality", 'A distancing word ("allegedly"), or ``None``.')
    published = _field("published", "The report's publication date, or ``None``.")

    @property
    def quantity(self) -> Optional[Quantity]:
        """The figure; ``None`` for a role claim."""
        q = self._data.get("quantity")
        return Quantity(q) if q is not None else None

    @property
    def role(self) -> Optional[Role]:
        """The person in a role; ``None`` for a figure claim."""
        r = self._data.get("role")
        return Role(r) if r is not None else None

    @property
    def figure(self) -> str:
        """The figure or role phrase as written."""
        what = self._data.get("quantity") or self._data.get("role") or {}
        return str(what.get("text", ""))

    def __repr__(self) -> str:
        return f"Claim(source={self.source!r}, figure={self.figure!r}, sentence={self.sentence!r})"


class Sentence(Record):
    """A sentence of a text; ``text[start:end]`` of the original is ``text``."""

    __slots__ = ()
    _repr_fields = ("index", "start", "end", "text")
    index = _field("index", "Its position, from 0.")
    start = _field("start", "Where it starts: a str index.")
    end = _field("end", "Where it ends: a str index.")
    text = _field("text", "The sentence as written.")


class ExtractedClaim(Record):
    """A figure found by :func:`corroborate.claims`, in its sentence."""

    __slots__ = ()
    _repr_fields = ("sentence_index", "quantity")
    sentence_index = _field("sentence_index", "The index of its sentence (as ``sentences()``).")
    sentence = _field("sentence", "The sentence it is in.")

    @property
    def quantity(self) -> Quantity:
        """The figure."""
        return Quantity(self._data["quantity"])

    def __repr__(self) -> str:
        return f"ExtractedClaim(sentence_index={self.sentence_index!r}, figure={self.quantity.text!r})"


class ErrorRecord(Record):
    """An event of :func:`corroborate.batch` that could not be compared, yielded in its place
    with ``errors="yield"``; ``to_dict()`` is the error record of ``corroborate batch
    --inline-errors``, plus ``index``."""

    __slots__ = ()
    _repr_fields = ("event_id", "index", "message")
    kind = _field("kind", 'Always "error".')
    event_id = _field("event_id", "The event's id, or ``None`` when it had none.")
    index = _field("index", "The event's 0-based position in the input.")
    line = _field("line", "The event's 1-based position, as ``corroborate batch`` numbers lines.")
    message = _field("message", "What is wrong, in the library's words.")
