"""The iterator API on 1,000 generated events: the CLI's findings in input order, streamed
a chunk at a time, the same whatever the number of threads or the form of the events, with
the GIL released while the library works."""

import itertools
import json
import sys
import threading

import pytest

import corroborate
from conftest import json_lines


@pytest.fixture(scope="module")
def cli_batch(cli, thousand_events):
    path, _ = thousand_events
    out = cli("batch", path, "-j", "2")
    return out.stdout.decode("utf-8").splitlines()


def test_findings_equal_cli_batch_in_input_order(thousand_events, cli_batch):
    _, lines = thousand_events
    it = corroborate.batch(json.loads(l) for l in lines)
    got = [f.to_json() for f in it]
    assert got == cli_batch
    order = [json.loads(l)["event_id"] for l in lines]
    seen = [k for k, _ in itertools.groupby(json.loads(l)["event_id"] for l in got)]
    assert seen == [e for e in order if e in set(seen)]
    assert (it.events_read, it.events_compared, it.events_failed) == (1000, 1000, 0)
    assert it.findings == len(cli_batch)


@pytest.mark.parametrize("jobs", [1, 2])
def test_json_lines_and_dicts_and_threads_agree(thousand_events, cli_batch, jobs):
    path, lines = thousand_events
    with open(path, encoding="utf-8") as f:
        from_file = [x.to_json() for x in corroborate.batch(f, jobs=jobs)]
    from_bytes = [x.to_json() for x in corroborate.batch((l.encode() for l in lines[:100]), jobs=jobs)]
    assert from_file == cli_batch
    first = {json.loads(l)["event_id"] for l in lines[:100]}
    n = sum(1 for l in cli_batch if json.loads(l)["event_id"] in first)
    assert from_bytes == cli_batch[:n]


def test_filters_equal_the_cli_flags(cli, thousand_events):
    path, lines = thousand_events
    want = cli("batch", path, "--only", "discrepancy", "--min-confidence", "0.7").stdout.decode().splitlines()
    got = [f.to_json() for f in corroborate.batch(lines, only=["discrepancy"], min_confidence=0.7)]
    assert got == want and want


def test_the_input_is_read_a_chunk_at_a_time(thousand_events):
    _, lines = thousand_events
    pulled = []

    def events():
        for l in lines:
            pulled.append(1)
            yield l

    it = corroborate.batch(events())
    next(it)
    assert 0 < len(pulled) < len(lines)  # streamed, not read whole
    rest = sum(1 for _ in it)
    assert len(pulled) == len(lines) and rest > 0


def test_findings_carry_event_ids_and_typed_claims(thousand_events):
    _, lines = thousand_events
    f = next(iter(corroborate.batch(lines[:5])))
    assert f.event_id == json.loads(lines[0])["event_id"]
    assert f.kind in ("agreement", "discrepancy", "unique")
    assert 0 <= f.confidence <= 1 and f.topic and f.explanation
    c = f.claims[0]
    assert isinstance(c, corroborate.Claim)
    assert c.source in {r["id"] for r in json.loads(lines[0])["reports"]}
    assert isinstance(c.quantity or c.role, (corroborate.Quantity, corroborate.Role))
    assert f == f and hash(f) == hash(f)
    assert "Finding(event_id=" in repr(f)


def test_new_wire_fields_reach_python():
    # Fields that are not (yet) typed properties are attributes and dict keys all the same:
    # `dimension` stands in for one here, read only through the fallback.
    ev = {"event_id": "e", "reports": [{"id": "a", "text": "The river rose 5 metres."},
                                       {"id": "b", "text": "The river rose 6 metres."}]}
    f = next(iter(corroborate.batch([ev])))
    q = f.claims[0].quantity
    assert q.to_dict()["dimension"] == "length" == q.dimension
    assert f.to_dict()["event_id"] == "e"
    with pytest.raises(AttributeError):
        f.no_such_field
    with pytest.raises(AttributeError):
        q.no_such_field


def test_dates_and_missing_values_of_data_frames():
    import datetime
    ev = {"event_id": 1, "reports": [
        {"id": 1, "text": "5 people died.", "published": datetime.date(2025, 1, 2)},
        {"id": 2, "text": "Six people died.", "published": datetime.datetime(2025, 1, 3, 10, 30)},
        {"id": 3, "text": "Seven people died.", "published": float("nan")},
    ]}
    f = next(iter(corroborate.batch([ev])))
    assert [c.published for c in f.claims] == ["2025-01-02", "2025-01-03T10:30:00", None]


def test_the_gil_is_released_while_the_library_works(thousand_events):
    # With a huge switch interval no thread is preempted: the helper thread can run while
    # the main thread is inside next() only if next() releases the GIL.
    _, lines = thousand_events
    started, finished = threading.Event(), threading.Event()
    state = {"in_next": False, "ran_in_next": None}

    def helper():
        started.wait()
        state["ran_in_next"] = state["in_next"]
        finished.set()

    def events():
        for i, l in enumerate(lines):
            if i == 10:
                started.set()
            yield l

    t = threading.Thread(target=helper)
    t.start()
    old = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        it = corroborate.batch(events(), jobs=1)
        state["in_next"] = True
        next(it)
        state["in_next"] = False
    finally:
        sys.setswitchinterval(old)
    finished.wait(60)
    t.join()
    assert state["ran_in_next"] is True


def test_findings_and_records_pickle(thousand_events):
    import pickle
    _, lines = thousand_events
    for f in list(corroborate.batch(lines[:3])) + corroborate.compare(
            [("a", "Über 30 Menschen — 30 people died."), ("b", "Thirty people died.")]).findings:
        g = pickle.loads(pickle.dumps(f))
        assert g == f and g.to_dict() == f.to_dict() and g.event_id == f.event_id
        assert [c for c in g.claims] == f.claims
    rec = next(iter(corroborate.batch([{"event_id": "x"}], errors="yield")))
    assert pickle.loads(pickle.dumps(rec)) == rec
