#!/usr/bin/env python3
"""Writes the word lists that lost-space repair embeds (crates/ingest/src/segment).

- fr.txt: the N most frequent French words of wordfreq's 'large' list, most frequent first,
  one per line. Only words made of letters (and an inner apostrophe, as in "aujourd'hui") are
  kept: numbers, symbols and emoji would only teach the segmenter to cut in odd places; so are
  tokens glued to "à" ("àla", "età"), which web text has and French has not, and rare tokens
  made of two very common words ("avecle", "plustôt").
- niger_places.txt: the words of Niger's region and department names from the shared
  reference tables, which wordfreq knows badly or not at all.

Usage: python3 generate.py [--n 200000] [--reference ../../../../shared/reference]
Needs: pip install wordfreq (tested with 3.1.1). See LICENSE.md for the data licence.
"""

import argparse
import csv
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
WORD = re.compile(r"^[^\W\d_]+(?:'[^\W\d_]+)*$")
# Web text glues "à" to its neighbours ("àla", "età"): such tokens would stop repair from
# cutting exactly those places. French words that really end in "à":
ENDS_IN_A_GRAVE = {"là", "déjà", "voilà", "delà", "çà", "deçà", "holà", "revoilà"}


def is_word(word):
    if not WORD.match(word):
        return False
    if len(word) > 1 and word.startswith("à"):
        return False
    if len(word) > 1 and word.endswith("à") and "'" not in word:
        return word in ENDS_IN_A_GRAVE
    return True


# Rare tokens that are two of the most common words glued ("avecle", "dansla", "plustôt") are
# typos of web text, and exactly what repair must cut: beyond this rank, such tokens are dropped.
GLUED_RANK = 50000
GLUED_PARTS = 1000


def is_glued(word, common):
    return any(word[:k] in common and word[k:] in common for k in range(2, len(word) - 1))


def french_words(n):
    import wordfreq

    out = []
    common = set()
    for word in wordfreq.top_n_list("fr", n * 2, wordlist="large"):
        if not is_word(word):
            continue
        if len(out) < GLUED_PARTS and len(word) >= 2:
            common.add(word)
        if len(out) >= GLUED_RANK and is_glued(word, common):
            continue
        out.append(word)
        if len(out) == n:
            break
    return out


def place_words(reference):
    words = set()
    for name, column in [("niger_regions.csv", "name"), ("niger_departments.csv", "adm2_name")]:
        path = reference / name
        with path.open(encoding="utf-8") as f:
            rows = csv.DictReader(line for line in f if not line.startswith("#"))
            for row in rows:
                for w in re.split(r"[^\w]+", row[column]):
                    if len(w) >= 2 and not w.isdigit():
                        words.add(w)
    return sorted(words)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=200000, help="how many French words to keep")
    p.add_argument("--reference", type=pathlib.Path, default=HERE / "../../../../shared/reference")
    args = p.parse_args()
    words = french_words(args.n)
    (HERE / "fr.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    places = place_words(args.reference)
    (HERE / "niger_places.txt").write_text("\n".join(places) + "\n", encoding="utf-8")
    size = (HERE / "fr.txt").stat().st_size
    print(f"fr.txt: {len(words)} words, {size / 1e6:.2f} MB; niger_places.txt: {len(places)} words")


if __name__ == "__main__":
    main()
