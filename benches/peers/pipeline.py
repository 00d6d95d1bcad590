#!/usr/bin/env python3
"""The pipeline a Python user would write instead of `stance score`: the speed peer.

Usage: pipeline.py TRAIN_CSV DIR > out.jsonl

Regex quote extraction + "X said" attribution, TF-IDF (1-2 grams) + logistic regression trained
on the split=train rows. Prints JSONL on stdout and, on stderr, one line
"pipeline: train T s, score S s, ..." where S covers reading, extraction, prediction and writing
(the part comparable to `stance score`; interpreter start-up, imports and training are left out).
"""
import csv
import json
import re
import sys
import time
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

# Quotations in straight or curly double quotes; 20+ characters so scare quotes
# ("maximum pressure") are not taken for statements.
QUOTE = re.compile(r'"([^"\n]{20,})"|“([^”\n]{20,})”')
NAME = r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
# '..." Rahmanifar said' / '..." said Rahmanifar' right after the quote, else 'Rahmanifar said: "...'.
SAID_AFTER = re.compile(r"\W{0,3}\s*(?:(?:the\s+)?" + NAME + r"\s+(?:said|says|told)\b|(?:said|says)\s+" + NAME + ")")
SAID_BEFORE = re.compile(NAME + r"\s+(?:said|says|told \w+)[:,]?\s*$")


def extract(text):
    """Yield (start, end, quote, speaker) for every quotation in one article."""
    for m in QUOTE.finditer(text):
        after = SAID_AFTER.match(text, m.end())
        before = SAID_BEFORE.search(text[max(0, m.start() - 80) : m.start()])
        speaker = (after and (after.group(1) or after.group(2))) or (before and before.group(1)) or None
        yield m.start(), m.end(), m.group(1) or m.group(2), speaker


def main():
    train_csv, corpus = sys.argv[1], sys.argv[2]

    t0 = time.perf_counter()
    with open(train_csv, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == "train"]
    vectorizer = TfidfVectorizer(ngram_range=(1, 2))
    model = LogisticRegression(max_iter=1000)
    model.fit(vectorizer.fit_transform(r["quote"] for r in rows), [r["label"] for r in rows])
    t1 = time.perf_counter()

    # Collect every quote first, then one vectorize/predict call: sklearn's per-call overhead
    # makes per-article calls several times slower, and batching is what a user would do.
    records = []
    paths = sorted(Path(corpus).rglob("*.txt"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for i, (start, end, quote, speaker) in enumerate(extract(text)):
            records.append({"article": str(path), "index": i, "speaker": speaker, "quote": quote,
                            "start": start, "end": end})
    if records:
        probs = model.predict_proba(vectorizer.transform(r["quote"] for r in records))
        out = sys.stdout
        for rec, p in zip(records, probs):
            rec["label"] = str(model.classes_[p.argmax()])
            rec["probabilities"] = {str(c): round(float(x), 4) for c, x in zip(model.classes_, p)}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    t2 = time.perf_counter()

    print(f"pipeline: train {t1 - t0:.3f} s, score {t2 - t1:.3f} s, {len(paths)} articles, "
          f"{len(records)} quotes", file=sys.stderr)


if __name__ == "__main__":
    main()
