"""The exceptions and warnings of corroborate; the native module raises these classes."""

from __future__ import annotations

from typing import Optional

__all__ = ["Error", "ArgumentError", "ReportError", "EventError", "ReportWarning"]


class Error(Exception):
    """Base class of every error corroborate raises; its message is the library's."""


class ArgumentError(Error, ValueError):
    """An argument corroborate cannot use: fewer than two reports, an unknown finding kind or
    language, a publication date that is not a date, a confidence outside 0..1."""


class ReportError(Error):
    """A report that cannot be read or compared: a missing file, a directory, binary data, text
    that is not UTF-8, an empty report, an unknown file extension. ``path`` names it (for text given in memory, its
    id)."""

    def __init__(self, message: str, *, path: Optional[str] = None) -> None:
        super().__init__(message)
        self.path = path


class EventError(Error):
    """An event of :func:`corroborate.batch` that could not be compared (invalid JSON, a
    missing field, fewer than two reports, a duplicate report id, an empty report, a bad
    ``published`` date).

    ``event_id`` is the event's id when it has one, ``index`` its 0-based position in the
    input, ``reason`` the library's message without the position. The batch can go on:
    calling ``next()`` again continues with the next event.
    """

    def __init__(
        self,
        message: str,
        *,
        event_id: Optional[str] = None,
        index: Optional[int] = None,
        reason: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.event_id = event_id
        self.index = index
        self.reason = reason if reason is not None else message


class ReportWarning(UserWarning):
    """Something worth knowing about how a report was read (UTF-16 decoded, HTML reduced)."""
