#!/usr/bin/env python3
"""Writes pathological reports: deep or unclosed HTML nesting, huge pages full of figures,
one sentence with many figures, one unpunctuated run of text, events with many reports.

Usage: gen_hostile.py KIND SIZE -o FILE      (see KINDS below; SIZE is the kind's own unit)

Deterministic: the same KIND and SIZE always give the same bytes. benches/hostile.sh runs
the commands on them; no input is ever committed.
"""

import argparse
import json
import random

WORDS = (
    "the council said police officers river storm workers city union company night "
    "rescue teams searched buildings residents officials region minister report"
).split()


def nested(tag, n, closed=True):
    """`n` nested `tag`s around one paragraph; unclosed ones never end."""
    body = "<p>At least 30 people were killed when the storm hit the coast, officials said.</p>"
    close = f"</{tag}>" * n if closed else ""
    return f"<!doctype html><html><head><title>Storm</title></head><body>{f'<{tag}>' * n}{body}{close}</body></html>\n"


def figures_sentence(n):
    """One sentence with `n` distinct figures (no stop until the end)."""
    parts = [f"{i + 1} people" for i in range(n)]
    return "Officials counted " + ", ".join(parts) + " in all.\n"


def unpunctuated(mb):
    """`mb` MB of words with no stop and no line break: one sentence, one block."""
    rng = random.Random(7)
    words = WORDS
    out, size = [], 0
    target = int(mb * 1e6)
    while size < target:
        w = rng.choice(words)
        if rng.random() < 0.02:
            w = str(rng.randrange(1, 10000))
        out.append(w)
        size += len(w) + 1
    return " ".join(out) + "\n"


def html_figures(mb):
    """A page of about `mb` MB, paragraphs of sentences each with distinct figures."""
    rng = random.Random(11)
    paras, size, i = [], 0, 0
    target = int(mb * 1e6)
    while size < target:
        sents = []
        for _ in range(6):
            i += 1
            sents.append(
                f"In district {i} at least {rng.randrange(10, 99999)} people were evacuated and "
                f"{rng.randrange(1, 999)} homes were damaged, officials said."
            )
        p = "<p>" + " ".join(sents) + "</p>\n"
        paras.append(p)
        size += len(p)
    return (
        "<!doctype html><html><head><title>Floods</title></head><body><article><h1>Floods</h1>\n"
        + "".join(paras)
        + "</article></body></html>\n"
    )


def html_list(mb):
    """A page of about `mb` MB: one list whose items each give a distinct count of one thing,
    so every figure lands in one alignment block."""
    items, size, i = [], 0, 0
    target = int(mb * 1e6)
    while size < target:
        i += 1
        item = f"<li>{i} people were hurt in area {i}</li>\n"
        items.append(item)
        size += len(item)
    return (
        "<!doctype html><html><head><title>Injuries</title></head><body><article><h1>Injuries</h1>"
        "<ul>\n" + "".join(items) + "</ul></article></body></html>\n"
    )


def claims_report(n):
    """A report with about `n` claims in ordinary sentences (about 2 MB at 64k)."""
    rng = random.Random(13)
    out = []
    for i in range(n // 2):
        out.append(
            f"Officials said {rng.randrange(10, 99999)} people were evacuated from area {i} "
            f"and {rng.randrange(1, 999)} homes were damaged."
        )
    return " ".join(out) + "\n"


def event_reports(n):
    """One batch event with `n` reports of about 3 KB each."""
    rng = random.Random(17)
    reports = []
    for r in range(n):
        sents = []
        while sum(len(s) for s in sents) < 3000:
            sents.append(
                f"At least {rng.randrange(20, 40)} people were killed and "
                f"{rng.randrange(100, 500)} were injured in district {rng.randrange(1, 50)}, "
                f"officials said."
            )
        reports.append({"id": f"r{r}", "text": " ".join(sents)})
    return json.dumps({"event_id": "many", "reports": reports}) + "\n"


KINDS = {
    "nested-span": lambda n: nested("span", int(n)),
    "nested-div": lambda n: nested("div", int(n)),
    "unclosed-div": lambda n: nested("div", int(n), closed=False),
    "figures-sentence": lambda n: figures_sentence(int(n)),
    "unpunctuated": unpunctuated,
    "html-figures": html_figures,
    "html-list": html_list,
    "claims": lambda n: claims_report(int(n)),
    "event-reports": lambda n: event_reports(int(n)),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=sorted(KINDS))
    ap.add_argument("size", type=float)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(KINDS[a.kind](a.size))


if __name__ == "__main__":
    main()
