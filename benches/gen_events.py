#!/usr/bin/env python3
"""Deterministic generator of event corpora for `corroborate batch`, as JSON Lines.

Each event picks a template from news_templates.json (beside this file), draws true figures
for its facts, and writes 2-6 reports (or exactly --reports) that state a subset of the
facts in varying wording: digits, thousands separators, number words, hedges (`at least`,
`about`, `more than`), vague amounts (`dozens of`), distancing (`reportedly`), rival estimates
and, now and then, a wrong figure or a wrongly named official, so that batch finds
agreements, discrepancies and unique claims of figures and of people in roles. Filler
sentences bring each report to a realistic length (--report-bytes, about 1.5 KB by default).

The same --seed gives the same bytes on every machine; event i depends only on (seed, i),
so the first 1,000 events of a 10,000-event corpus are the 1,000-event corpus.

With --corpus DIR (a folder of <event>/*.txt reports, such as the project's corpus/), events
are also drawn from those hand-written reports, with some of their figures altered.

Usage: gen_events.py --events N [--seed S] [--reports K] [--report-bytes B] [-o FILE]
"""
import argparse
import json
import pathlib
import random
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n):
    if n < 20:
        return ONES[n]
    t, o = divmod(n, 10)
    return TENS[t] + ("-" + ONES[o] if o else "")


def figure(rng, n, unit=None):
    """One way of writing the figure n (with its unit)."""
    if unit == "percent":
        return f"{n}%" if rng.random() < 0.5 else f"{n} percent"
    if unit == "millimetres":
        return f"{n}"
    if unit == "million":
        cur = rng.choice(["$", "€", "£"])
        return f"{cur}{n} million" if rng.random() < 0.7 else f"{cur}{n}m"
    r = rng.random()
    if n < 100 and r < 0.25:
        return words(n)
    if n >= 1000 and r < 0.6:
        return f"{n:,}"
    if n >= 10_000 and r < 0.75:
        return f"{round(n / 1000)},000"
    return str(n)


HEDGES = ["", "", "", "at least ", "about ", "more than ", "nearly ", "some ", "around ", "up to "]


def state(rng, tpl, n, unit, ctx):
    """A sentence stating fact value n, with a hedge unless the template has one."""
    text = figure(rng, n, unit)
    if unit is None and not re.search(r"(?i)(at least|more than|some|around) \{n\}", tpl):
        if 24 <= n < 100 and rng.random() < 0.08:
            text = "dozens of"
        else:
            text = rng.choice(HEDGES) + text
    s = tpl.replace("{n}", text, 1)
    return fill(s, ctx)


def fill(s, ctx):
    for k, v in ctx.items():
        s = s.replace("{" + k + "}", v)
    return s[0].upper() + s[1:]


def event_from_template(rng, data, i, reports, report_bytes):
    ev = rng.choice(data["events"])
    ctx = {
        "place": rng.choice(data["places"]),
        "day": rng.choice(data["days"]),
        "agency": rng.choice(data["agencies"]),
        "official": rng.choice(data["officials"]),
        "company": rng.choice(data["companies"]),
        "mag": f"{rng.randint(50, 79) / 10:.1f}",
    }
    truth = {k: rng.randint(*f["range"]) for k, f in ev["facts"].items()}
    # A named official whom most reports name alike and some get wrong.
    role = rng.choice(data["roles"])
    person = rng.choice(data["people"])
    k = reports or rng.randint(2, 6)
    out = []
    for r in range(k):
        # Each report has its own sources to quote.
        rctx = dict(ctx, agency=rng.choice(data["agencies"]), official=rng.choice(data["officials"]))
        sents = [fill(rng.choice(ev["lead"]), rctx)]
        if rng.random() < 0.4:
            who = person if rng.random() < 0.85 else rng.choice(data["people"])
            sents.append(fill(role, dict(rctx, person=who)))
        facts = list(ev["facts"].items())
        rng.shuffle(facts)
        for name, f in facts[: rng.randint(2, len(facts))]:
            n = truth[name]
            roll = rng.random()
            if roll < 0.12:  # a wrong or outdated figure
                n = max(1, int(n * rng.choice([0.5, 0.7, 1.4, 2.0])))
            elif roll < 0.35:  # a rounded or slightly different estimate
                n = max(1, int(round(n * rng.uniform(0.9, 1.1))))
            sents.append(state(rng, rng.choice(f["say"]), n, f.get("unit"), rctx))
        body = []
        size = 0
        target = int(report_bytes * rng.uniform(0.7, 1.3))
        fillers = data["filler"][:]
        rng.shuffle(fillers)
        fi = 0
        # Interleave facts and filler into paragraphs until the report is long enough.
        while sents or size < target:
            para = []
            if sents:
                para.append(sents.pop(0))
            for _ in range(rng.randint(1, 3)):
                para.append(fill(fillers[fi % len(fillers)], rctx))
                fi += 1
            p = " ".join(para)
            body.append(p)
            size += len(p) + 2
            if fi > 4 * len(fillers):
                break
        headline = fill(rng.choice(ev["headline"]), rctx)
        rep = {
            "id": f"r{r + 1}",
            "label": f"{rng.choice(['Courier', 'Wire', 'Herald', 'Gazette', 'Post', 'Tribune', 'Observer', 'Daily'])} {r + 1}",
            "text": headline + "\n\n" + "\n\n".join(body),
        }
        if rng.random() < 0.8:
            rep["published"] = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append(rep)
    return {"event_id": f"{ev['kind']}-{i:07d}", "reports": out}


NUM = re.compile(r"\b\d{2,}(,\d{3})*\b")


def event_from_corpus(rng, corpus, i):
    name, texts = rng.choice(corpus)

    def alter(t):
        def one(m):
            if rng.random() < 0.15:
                v = int(m.group(0).replace(",", ""))
                return f"{max(1, int(v * rng.choice([0.5, 0.8, 1.25, 2])))}"
            return m.group(0)

        return NUM.sub(one, t)

    reps = [{"id": f"r{k + 1}", "label": p, "text": alter(t)} for k, (p, t) in enumerate(texts)]
    return {"event_id": f"{name}-{i:07d}", "reports": reps}


def load_corpus(d):
    out = []
    for ev in sorted(p for p in pathlib.Path(d).iterdir() if p.is_dir()):
        texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(ev.glob("*.txt"))]
        if len(texts) >= 2:
            out.append((ev.name, texts))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, required=True)
    ap.add_argument("--seed", default="corroborate")
    ap.add_argument("--reports", type=int, default=0, help="reports per event (default 2-6)")
    ap.add_argument("--report-bytes", type=int, default=1500, help="about this long each")
    ap.add_argument("--corpus", help="also draw events from DIR/<event>/*.txt")
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    a = ap.parse_args()
    data = json.loads((HERE / "news_templates.json").read_text(encoding="utf-8"))
    corpus = load_corpus(a.corpus) if a.corpus else []
    out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
    with out:
        for i in range(a.events):
            rng = random.Random(f"{a.seed}-{i}")
            if corpus and rng.random() < 0.3:
                ev = event_from_corpus(rng, corpus, i)
            else:
                ev = event_from_template(rng, data, i, a.reports, a.report_bytes)
            out.write(json.dumps(ev, ensure_ascii=False))
            out.write("\n")


if __name__ == "__main__":
    main()
