"""Offsets in the Python objects are str indices: slicing a report's text with them gives
the quoted sentence and the figure, in ASCII and in text with multi-byte characters."""

import json

import corroborate
from conftest import events, reports

# Dashes, curly quotes, accents, CJK and emoji (four bytes in UTF-8, one str index).
NON_ASCII = [
    ("Courier", "ZÜRICH — “At least 30 people were killed,” the police said. Café owners 🙁 "
                "counted €3.4bn in damage; 東京 sent 12 rescuers."),
    ("Wire", "Thirty-four people died — officials said — and damage reached €3.5 billion. "
             "Émile Duval said 12 rescuers came from Tokyo 🚒."),
]


def check(cmp):
    texts = {s.id: s.text for s in cmp.sources}
    checked = 0
    for f in cmp.findings:
        for c in f.claims:
            text = texts[c.source]
            assert text[c.start:c.end] == c.sentence
            part = c.quantity or c.role
            assert text[part.start:part.end] == part.text
            assert c.start <= part.start <= part.end <= c.end
            checked += 1
    return checked


def test_corpus_offsets_slice_the_reports():
    assert sum(check(corroborate.compare(reports(e))) for e in events()) > 50


def test_non_ascii_offsets_slice_the_text():
    cmp = corroborate.compare(NON_ASCII)
    assert check(cmp) >= 4
    # The wire format keeps UTF-8 byte offsets, as the CLI writes them.
    raw = {s.id: s.text.encode() for s in cmp.sources}
    for f in json.loads(cmp.to_json())["findings"]:
        for c in f["claims"]:
            assert raw[c["source"]][c["start"]:c["end"]].decode() == c["sentence"]


def test_sentences_and_claims_slice_their_text():
    for _, text in NON_ASCII:
        ss = corroborate.sentences(text)
        assert len(ss) >= 2
        for s in ss:
            assert text[s.start:s.end] == s.text
        cs = corroborate.claims(text)
        assert cs
        for c in cs:
            q = c.quantity
            assert text[q.start:q.end] == q.text
            assert q.text in c.sentence
            assert c.sentence == ss[c.sentence_index].text


def test_batch_offsets_slice_the_event_texts(thousand_events):
    _, lines = thousand_events
    events = [json.loads(l) for l in lines[:200]]
    texts = {(e["event_id"], r["id"]): r["text"] for e in events for r in e["reports"]}
    n = 0
    for f in corroborate.batch(events):
        for c in f.claims:
            text = texts[(f.event_id, c.source)]
            assert text[c.start:c.end] == c.sentence
            part = c.quantity or c.role
            assert text[part.start:part.end] == part.text
            n += 1
    assert n > 500
