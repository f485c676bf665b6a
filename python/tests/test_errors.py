"""Bad input is an exception of corroborate.Error's family with the library's message,
naming the report or the event; nothing is dropped silently."""

import json
import warnings

import pytest

import corroborate
from corroborate import ArgumentError, Error, EventError, ReportError, ReportWarning
from conftest import CORPUS

NEWS = CORPUS / "moscow-call-centres" / "news.txt"
GOOD = {"event_id": "ok", "reports": [{"id": "a", "text": "5 people died."},
                                      {"id": "b", "text": "Six people died."}]}
# The same event under another id (a reused event id is an error, as in `corroborate batch`).
GOOD_2 = dict(GOOD, event_id="ok-2")


def test_the_family():
    for e in (ArgumentError, ReportError, EventError):
        assert issubclass(e, Error)
    assert issubclass(ArgumentError, ValueError)


def test_one_report_is_too_few():
    with pytest.raises(ArgumentError, match="compare needs at least two reports, got 1"):
        corroborate.compare([NEWS])


def test_reports_that_cannot_be_read_are_named(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t")
    cases = [
        (tmp_path / "missing.txt", "missing.txt: cannot read"),
        (tmp_path, "is a directory"),
        (binary, "looks like a binary file (byte offset 4)"),
        (empty, "the report is empty"),
        (tmp_path / "a.pdf", "unknown report format '.pdf'"),
    ]
    for path, message in cases:
        if path.suffix == ".pdf":
            path.write_text("x")
        with pytest.raises(ReportError, match=message.replace("(", r"\(").replace(")", r"\)")) as e:
            corroborate.compare([NEWS, path])
        assert e.value.path == str(path)


def test_empty_text_is_named_by_its_label():
    with pytest.raises(ReportError, match="^Wire: the report is empty$"):
        corroborate.compare([("Courier", "5 people died."), ("Wire", " \n")])


def test_bad_arguments():
    two = [("a", "5 people died."), ("b", "Six people died.")]
    with pytest.raises(ArgumentError, match="published date of report 2: .*not an ISO 8601 date"):
        corroborate.compare(two, published=[None, "yesterday"])
    with pytest.raises(ArgumentError, match="3 labels given for 2 reports"):
        corroborate.compare(two, labels=["x", "y", "z"])
    with pytest.raises(ArgumentError, match="unknown finding kind 'agremeent'"):
        corroborate.compare(two).to_json(only="agremeent")
    with pytest.raises(ArgumentError, match="min_confidence must be between 0 and 1"):
        corroborate.compare(two).filter(min_confidence=2)
    with pytest.raises(ArgumentError, match="unsupported language 'xx'"):
        corroborate.sentences("Hello.", lang="xx")
    with pytest.raises(TypeError, match="report 2: expected text, a path"):
        corroborate.compare(["5 people died.", 42])
    with pytest.raises(ArgumentError, match="errors must be 'raise' or 'yield'"):
        corroborate.batch([], errors="skip")
    with pytest.raises(ArgumentError, match="jobs must be a positive int"):
        corroborate.batch([], jobs=0)
    with pytest.raises(TypeError, match="iterable of events"):
        corroborate.batch(GOOD)


def test_invalid_utf8_is_a_report_error(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Police arrested 300 people in Zürich.".encode("latin-1"))
    with pytest.raises(ReportError, match=r"latin1.txt: invalid UTF-8 at byte 31 \(line 1\)") as e:
        corroborate.compare([NEWS, bad])
    assert e.value.path == str(bad)


BAD_EVENTS = [
    ("{not json", None, "invalid event: key must be a string"),
    ({"event_id": "lonely", "reports": [{"id": "a", "text": "5 people died."}]},
     "lonely", "needs at least two reports, got 1"),
    ({"event_id": "twice", "reports": [{"id": "a", "text": "1"}, {"id": "a", "text": "2"}]},
     "twice", "report id 'a' appears twice"),
    ({"event_id": 7, "reports": [{"id": "a", "text": "1"}, {"id": "b", "text": " "}]},
     "7", "report 'b' is empty"),
    ({"event_id": "date", "reports": [{"id": "a", "text": "1", "published": "soon"},
                                      {"id": "b", "text": "2"}]},
     "date", "report 'a': published"),
    ({"reports": []}, None, "missing field `event_id`"),
    ({"event_id": "nr"}, "nr", "missing field `reports`"),
    ({"event_id": "t", "reports": [{"id": "a", "text": 5}, {"id": "b", "text": "x"}]},
     "t", "report 1: text is a str, not int"),
    ({"event_id": [1], "reports": []}, None, "event_id: expected a string or an integer"),
    (42, None, "an event is a dict (or a JSON string), not int"),
]


@pytest.mark.parametrize("bad,event_id,message", BAD_EVENTS)
def test_a_bad_event_raises_naming_it_and_the_batch_goes_on(bad, event_id, message):
    it = corroborate.batch([GOOD, bad, GOOD_2])
    before = []
    with pytest.raises(EventError) as e:
        for f in it:
            before.append(f)
    assert before and all(f.event_id == "ok" for f in before)
    assert e.value.index == 1
    assert e.value.event_id == event_id
    assert message in e.value.reason
    assert message in str(e.value) and "index 1" in str(e.value)
    after = list(it)  # calling next() again goes on with the next event
    assert after and all(f.event_id == "ok-2" for f in after)


def test_errors_yield_records_in_place_like_cli_inline_errors(cli, tmp_path):
    # The last event reuses the first one's id: an error record too.
    lines = [json.dumps(GOOD), "{not json", json.dumps(BAD_EVENTS[1][0]), json.dumps(GOOD_2),
             json.dumps(GOOD)]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n")
    out = cli("batch", path, "--inline-errors", check_codes=(2,))
    want = out.stdout.decode().splitlines()
    with open(path, encoding="utf-8") as f:
        got = list(corroborate.batch(f, errors="yield"))
    as_lines = []
    for x in got:
        if isinstance(x, corroborate.ErrorRecord):
            d = x.to_dict()
            assert d.pop("index") == d["line"] - 1
            assert x.kind == "error"
            as_lines.append(json.dumps(d, separators=(",", ":")))
        else:
            as_lines.append(x.to_json())
    assert as_lines == want


def test_an_input_that_raises_ends_the_batch_after_what_it_gave():
    def events():
        yield GOOD
        yield GOOD_2
        raise OSError("disk gone")

    it = corroborate.batch(events())
    got = []
    with pytest.raises(OSError, match="disk gone"):
        for f in it:
            got.append(f)
    assert len(got) == 2 * len(list(corroborate.batch([GOOD])))
    assert list(it) == []


def test_blank_lines_and_a_byte_order_mark_are_skipped_as_by_the_cli(cli, tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\n\n   \n" + json.dumps(GOOD_2).encode() + b"\n")
    want = cli("batch", path).stdout.decode().splitlines()
    with open(path, encoding="utf-8") as f:
        assert [x.to_json() for x in corroborate.batch(f)] == want
    with open(path, "rb") as f:
        assert [x.to_json() for x in corroborate.batch(f)] == want


def test_an_interrupt_is_raised_at_once_and_nothing_read_is_lost():
    class Events:
        """An iterator that is interrupted once (as by Ctrl-C) and then goes on."""

        def __init__(self):
            self.i = 0

        def __iter__(self):
            return self

        def __next__(self):
            self.i += 1
            if self.i == 3:
                raise KeyboardInterrupt
            if self.i > 5:
                raise StopIteration
            return dict(GOOD, event_id=f"e{self.i}")

    it = corroborate.batch(Events())
    with pytest.raises(KeyboardInterrupt):
        next(it)
    got = [f.event_id for f in it]
    assert sorted(set(got)) == ["e1", "e2", "e4", "e5"]


def test_a_date_of_the_wrong_type_names_its_report():
    with pytest.raises(ArgumentError, match="published date of report 2: published is a str, date or datetime, not int"):
        corroborate.compare([("a", "5 people died."), ("b", "Six people died.")], published=[None, 2025])
