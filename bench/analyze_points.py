# Diagnostic (not used by the engine): how do wording groups relate to true opinions?
import csv, collections, math, sys
run = sys.argv[1] if len(sys.argv) > 1 else 'bench/out/run-n100000-s1'
corpus = sys.argv[2] if len(sys.argv) > 2 else 'bench/out/c100k'
truth = {r['id']: r for r in csv.DictReader(open(f'{corpus}/truth.csv'))}
rows = {r['id']: r for r in csv.DictReader(open(f'{corpus}/comments.csv'))}
pts = {}
for line in open(f'{run}/points.csv'):
    i, p = line.rstrip('\n').split(',', 1)
    pts[i] = [x for x in p.split(';') if x]
# majority opinion of each wording (single-opinion comments only)
maj = collections.defaultdict(collections.Counter)
for i, t in truth.items():
    if t['is_noise'] == '0' and ';' not in t['opinion_ids']:
        for g in pts[i]: maj[g][t['opinion_ids']] += 1
size = {g: sum(c.values()) for g, c in maj.items()}
op = {g: c.most_common(1)[0][0] for g, c in maj.items()}
purity = sum(c.most_common(1)[0][1] for c in maj.values()) / sum(size.values())
print('wordings', len(maj), 'purity', round(purity, 3))
big = [g for g in maj if size[g] >= 20]
print('big wordings', len(big), 'covering', sum(size[g] for g in big) / sum(size.values()))
# co-occurrence of big wordings within comments
N = len(pts)
n = collections.Counter(); nab = collections.Counter()
for i, p in pts.items():
    s = sorted(set(g for g in p if g in op and size[g] >= 20))
    for g in s: n[g] += 1
    for a in range(len(s)):
        for b in range(a + 1, len(s)): nab[(s[a], s[b])] += 1
same = []; diff = []
for (a, b), c in nab.items():
    lift = c * N / (n[a] * n[b])
    (same if op[a] == op[b] else diff).append((lift, c))
print('cooccurring pairs same-op', len(same), 'diff-op', len(diff))
for th in [5, 10, 20, 40, 80]:
    print('lift>=', th, 'same', sum(1 for l, c in same if l >= th and c >= 2), 'diff', sum(1 for l, c in diff if l >= th and c >= 2))
# how many same-op big pairs exist at all
byop = collections.Counter(op[g] for g in big)
print('same-op big pairs total', sum(v * (v - 1) // 2 for v in byop.values()))
# same-section pairs only
sec = {}
secc = collections.defaultdict(collections.Counter)
for i, p in pts.items():
    for g in set(p): secc[g][rows[i]['section_ref']] += 1
for g, c in secc.items(): sec[g] = c.most_common(1)[0][0]
S = []; D = []
for (a, b), c in nab.items():
    if sec[a] != sec[b]: continue
    lift = c * N / (n[a] * n[b]); r = c / min(n[a], n[b])
    (S if op[a] == op[b] else D).append((lift, r, c))
print('same-section cooc pairs: same-op', len(S), 'diff-op', len(D))
for th in [0.01, 0.02, 0.04, 0.08, 0.15]:
    print('ratio>=', th, 'same', sum(1 for l, r, c in S if r >= th), 'diff', sum(1 for l, r, c in D if r >= th))
tot = collections.Counter()
for a in big:
    for b in big:
        if a < b and sec[a] == sec[b]: tot['same' if op[a] == op[b] else 'diff'] += 1
print('all same-section big pairs', tot)
