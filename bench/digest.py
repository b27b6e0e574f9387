"""One line from a score.py JSON: the figures the engine targets are about."""
import json
import sys

j = json.load(open(sys.argv[1]))
c, n, d = j["cluster_single_opinion"], j["noise"], j["dup"]
print(f"dupF1 {d['pair_f1']:.4f} ARI {c['ari']:.4f} NMI {c['nmi']:.4f} groups {c['n_pred_clusters']}/{c['n_true_clusters']} "
      f"top20err {c['top20_count_rel_error']:.3f} noiseP {n['precision']:.3f} R {n['recall']:.3f}")
