#!/usr/bin/env python3
"""Score a `classify predict` output against the gold column of the input CSV.

    python3 score_pred.py GOLD.csv LABELCOL pred.csv

Prints accuracy, macro F1, weighted F1 and per-label F1 (standard library only).
"""
import csv
import sys
from collections import Counter

csv.field_size_limit(1 << 24)


def main(gold_path, label_col, pred_path):
    with open(gold_path, encoding="utf-8", newline="") as f:
        gold = [r[label_col].strip() for r in csv.DictReader(f)]
    with open(pred_path, encoding="utf-8", newline="") as f:
        pred = {int(r["row"]): r["label"] for r in csv.DictReader(f)}
    assert len(pred) == len(gold), f"{len(pred)} predictions for {len(gold)} rows"
    predicted = [pred[i] for i in range(len(gold))]
    labels = sorted(set(gold) | set(predicted))
    tp = Counter(g for g, p in zip(gold, predicted) if g == p)
    npred, ngold = Counter(predicted), Counter(gold)
    f1 = {}
    for l in labels:
        p = tp[l] / npred[l] if npred[l] else 0.0
        r = tp[l] / ngold[l] if ngold[l] else 0.0
        f1[l] = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(tp.values()) / len(gold)
    macro = sum(f1.values()) / len(labels)
    weighted = sum(f1[l] * ngold[l] for l in labels) / len(gold)
    per = " ".join(f"{l}:{100 * f1[l]:.2f}" for l in labels)
    print(f"acc {100 * acc:.2f}  macroF1 {100 * macro:.2f}  weightedF1 {100 * weighted:.2f}  per-label F1 {per}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
