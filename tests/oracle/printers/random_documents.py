#!/usr/bin/env python3
"""Writes tests/data/printers/documents/random_NN.json: seeded random documents whose strings
mix the characters that steer goyaml's quoting and folding (indicators, spaces near column
80, line breaks, NEL, BOM, emoji, control characters). Run once when changing the corpus,
then tests/oracle/printers/regenerate.sh for their goldens."""
import json
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "data", "printers", "documents")
ALPHABET = list("abcdefghij     ::##--''\"\\\t\n\n") + [
    "é", "😀", "\u00a0", "\u2028", "\u0085", "\ufeff", "  ", "- ", "# ", ": ", "\r", "~",
    "\u00ad", "\u200b", "\x01"]


def text(rng):
    n = rng.choice([0, 1, 3, 10, 40, 79, 80, 81, 85, 100, 160, 250])
    return "".join(rng.choice(ALPHABET) for _ in range(n))


def value(rng, depth):
    r = rng.random()
    if depth > 5 or r < 0.5:
        return text(rng)
    if r < 0.75:
        return [value(rng, depth + 1) for _ in range(rng.choice([0, 1, 2, 3]))]
    # Keys without NEL (goyaml cannot read such a key back) and few enough that the key
    # order stays a total order.
    return {text(rng)[:rng.choice([3, 10, 130, 200])].replace("\u0085", ""): value(rng, depth + 1)
            for _ in range(rng.choice([0, 1, 2, 3]))}


def main():
    rng = random.Random(11)
    for i in range(20):
        doc = {str(j): value(rng, 1) for j in range(rng.choice([1, 3]))}
        with open(os.path.join(OUT, "random_%02d.json" % i), "w", encoding="utf-8") as f:
            f.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
