#!/usr/bin/env python3
"""Build the benchmark corpus: N synthetic 2-4 KB articles recombined from the repo's own.

Usage: make_corpus.py OUT_DIR N SOURCE.txt...

The repository has only ~37 real articles, far too little text to time anything, so article k
takes the date line and headline of one source and then paragraphs drawn from several sources
in an order fixed by random.Random(k). Every file differs, the text is realistic wire copy
with curly and straight quotes, and a rerun writes byte-identical files (standard library only).
"""
import os
import random
import sys

out_dir, n, sources = sys.argv[1], int(sys.argv[2]), sorted(sys.argv[3:])

heads, paragraphs = [], []
for path in sources:
    with open(path, encoding="utf-8") as f:
        blocks = [b.strip() for b in f.read().split("\n\n") if b.strip()]
    # blocks[0] is "Date: ...\nHeadline"; the rest are body paragraphs.
    heads.append(blocks[0])
    paragraphs.extend(blocks[1:])

if not paragraphs:
    sys.exit("make_corpus.py: no source articles given")
os.makedirs(out_dir, exist_ok=True)
for k in range(n):
    rng = random.Random(k)  # seeded per article: deterministic, independent of N
    target = rng.randint(2200, 3800)  # stay inside 2-4 KB once the head is added
    body = [rng.choice(heads)]
    size = len(body[0].encode())
    for p in rng.sample(paragraphs, len(paragraphs)):
        psize = len(p.encode()) + 2
        if size + psize > 4000:
            continue  # a long paragraph would overshoot 4 KB: try a shorter one
        body.append(p)
        size += psize
        if size >= target:
            break
    with open(os.path.join(out_dir, f"article-{k:05d}.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(body) + "\n")
