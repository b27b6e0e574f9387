#!/usr/bin/env python3
"""Write UIT-VSFC (parallel line files) as one CSV per split: text,sentiment,topic.

    python3 vsfc_to_csv.py ../shared/data/uit-vsfc OUTDIR

Output goes to a scratch folder outside the repository: the corpus is research-only.
"""
import csv
import os
import sys


def main(src, out):
    os.makedirs(out, exist_ok=True)
    for split in ("train", "dev"):
        d = os.path.join(src, split)
        cols = []
        for name in ("sents.txt", "sentiments.txt", "topics.txt"):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                cols.append(f.read().split("\n"))
        n = min(len(c) for c in cols)
        # Files without a trailing newline give one fewer empty tail element.
        rows = [r for r in zip(*(c[:n] for c in cols)) if r[0] or r[1]]
        with open(os.path.join(out, f"vsfc_{split}.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["text", "sentiment", "topic"])
            w.writerows(rows)
        print(split, len(rows), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
