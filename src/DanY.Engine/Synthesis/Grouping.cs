namespace DanY.Engine.Synthesis;

/// <summary>A point: one sentence of a comment, stripped of formulas.</summary>
internal readonly record struct DocPoint(int Distinct, int Sentence, int FirstClause, int LastClause);

/// <summary>
/// Opinion groups. Points (sentences without formulas) are deduplicated, clustered into wordings by
/// weighted word overlap, and wordings are joined into opinions.
/// </summary>
internal sealed class Grouping
{
    public required DocPoint[][] DocPoints { get; init; }

    /// <summary>Per distinct point: its group.</summary>
    public required int[] PointGroup { get; init; }

    /// <summary>Per distinct point: first doc and number of docs.</summary>
    public required int[] PointFirstDoc { get; init; }

    public required int[] PointCount { get; init; }

    public required SparseVector[] PointVectors { get; init; }

    /// <summary>Per unique doc: the group of its first point, or -1.</summary>
    public required int[] DocGroup { get; init; }

    public required int GroupCount { get; init; }

    public required bool[] OffTopic { get; init; }

    /// <summary>Per group: the distinct point that represents it (its most common wording).</summary>
    public required int[] GroupLeader { get; init; }

    public int PointGroupOf(DocPoint p) => PointGroup[p.Distinct];

    public static Grouping Build(AnalysedText[] texts, int[] multiplicity, int[] docSection, int sections, HashSet<ulong> formulas,
        TermWeights weights, SynthesisOptions options, ParallelOptions parallel)
    {
        int docs = texts.Length;
        // 1. Points per doc (parallel), keyed by their content tokens.
        var raw = new (ulong Key, int[] Ids, int Sentence, int First, int Last)[docs][];
        Parallel.For(0, docs, parallel, u => raw[u] = PointsOf(texts[u], formulas, weights));

        // 2. Distinct points, in order of first appearance.
        var index = new Dictionary<ulong, int>();
        var firstDoc = new List<int>();
        var count = new List<int>();
        var ids = new List<int[]>();
        var docPoints = new DocPoint[docs][];
        for (int u = 0; u < docs; u++)
        {
            var list = raw[u];
            var points = new DocPoint[list.Length];
            for (int k = 0; k < list.Length; k++)
            {
                var p = list[k];
                if (!index.TryGetValue(p.Key, out int d))
                {
                    d = firstDoc.Count;
                    index[p.Key] = d;
                    firstDoc.Add(u);
                    count.Add(0);
                    ids.Add(p.Ids);
                }
                count[d] += multiplicity[u];
                points[k] = new DocPoint(d, p.Sentence, p.First, p.Last);
            }
            docPoints[u] = points;
        }
        int distinct = firstDoc.Count;
        var vectors = new SparseVector[distinct];
        Parallel.For(0, distinct, parallel, d => vectors[d] = Vectorise(ids[d], weights));

        // 3. Wordings: leader clustering, most common points first.
        var order = Enumerable.Range(0, distinct).ToArray();
        var countArr = count.ToArray();
        Array.Sort(order, (a, b) => countArr[a] != countArr[b] ? countArr[b].CompareTo(countArr[a]) : a.CompareTo(b));
        var wording = new int[distinct];
        var leaders = new List<int>();
        var postings = new Dictionary<int, List<int>>();
        var candidates = new HashSet<int>();
        float threshold = (float)options.WordingSimilarity;
        foreach (int d in order)
        {
            var top = TopTerms(ids[d], weights, 4);
            candidates.Clear();
            int best = -1;
            float bestScore = threshold;
            foreach (int term in top)
            {
                if (!postings.TryGetValue(term, out var list)) continue;
                // The most recent leaders sharing the term are enough: common terms have long lists.
                for (int k = list.Count - 1, seen = 0; k >= 0 && seen < 400; k--, seen++)
                {
                    int leader = list[k];
                    if (!candidates.Add(leader)) continue;
                    float score = SparseVector.Dot(vectors[d], vectors[leaders[leader]]);
                    if (score > bestScore || (score == bestScore && best >= 0 && leader < best))
                    {
                        bestScore = score;
                        best = leader;
                    }
                }
            }
            if (best >= 0)
            {
                wording[d] = best;
                continue;
            }
            int id = leaders.Count;
            leaders.Add(d);
            wording[d] = id;
            foreach (int term in TopTerms(ids[d], weights, 6))
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add(id);
            }
        }

        int groups = leaders.Count;
        var pointGroup = wording;
        var docGroup = new int[docs];
        for (int u = 0; u < docs; u++) docGroup[u] = docPoints[u].Length > 0 ? pointGroup[docPoints[u][0].Distinct] : -1;

        // 4. Off-topic: groups filed all over the draft, with no section (not even "whole document") of their own.
        var offTopic = new bool[groups];
        var sectionCounts = new Dictionary<(int, int), int>();
        var groupTotal = new int[groups];
        for (int u = 0; u < docs; u++)
        {
            int g = docGroup[u];
            if (g < 0) continue;
            groupTotal[g] += multiplicity[u];
            var key = (g, docSection[u]);
            sectionCounts[key] = sectionCounts.GetValueOrDefault(key) + multiplicity[u];
        }
        var groupMax = new int[groups];
        foreach (var ((g, _), c) in sectionCounts) groupMax[g] = Math.Max(groupMax[g], c);
        for (int g = 0; g < groups; g++)
        {
            offTopic[g] = groupTotal[g] >= 8 && groupMax[g] < options.OffTopicMaxConcentration * groupTotal[g];
        }
        return new Grouping
        {
            DocPoints = docPoints,
            PointGroup = pointGroup,
            PointFirstDoc = firstDoc.ToArray(),
            PointCount = countArr,
            PointVectors = vectors,
            DocGroup = docGroup,
            GroupCount = groups,
            OffTopic = offTopic,
            GroupLeader = leaders.ToArray(),
        };
    }

    private static (ulong Key, int[] Ids, int Sentence, int First, int Last)[] PointsOf(AnalysedText t, HashSet<ulong> formulas, TermWeights weights)
    {
        var result = new List<(ulong, int[], int, int, int)>();
        var current = new List<int>();
        int sentence = -1, first = -1, last = -1;
        void Flush()
        {
            if (current.Count >= 2)
            {
                double mass = 0;
                foreach (int id in current) mass += weights.Weight(id);
                if (mass > 1.0)
                {
                    var arr = current.ToArray();
                    ulong key = 0xABCDEFUL;
                    foreach (int id in arr) key = StableHash.Combine(key, (ulong)id);
                    result.Add((key, arr, sentence, first, last));
                }
            }
            current.Clear();
            first = -1;
        }
        for (int c = 0; c < t.ClauseCount; c++)
        {
            if (t.ClauseSentence[c] != sentence)
            {
                Flush();
                sentence = t.ClauseSentence[c];
            }
            if (formulas.Contains(t.ClauseKeys[c])) continue;
            foreach (ulong token in t.ClauseTokens(c))
            {
                int id = weights.IdOf(token);
                if (id >= 0) current.Add(id);
            }
            if (first < 0) first = c;
            last = c;
        }
        Flush();
        return result.ToArray();
    }

    internal static SparseVector Vectorise(int[] ids, TermWeights weights)
    {
        var features = new Dictionary<ulong, float>();
        for (int i = 0; i < ids.Length; i++)
        {
            float w = weights.Weight(ids[i]);
            features[(ulong)ids[i]] = w;
            if (i + 1 < ids.Length)
            {
                float w2 = weights.Weight(ids[i + 1]);
                ulong bigram = StableHash.Combine((ulong)ids[i], (ulong)ids[i + 1]) | (1UL << 63);
                features[bigram] = 0.5f * (w + w2);
            }
        }
        return SparseVector.From(features);
    }

    internal static int[] TopTerms(int[] ids, TermWeights weights, int k)
    {
        var distinct = ids.Distinct().ToArray();
        Array.Sort(distinct, (a, b) =>
        {
            int c = weights.Weight(b).CompareTo(weights.Weight(a));
            return c != 0 ? c : a.CompareTo(b);
        });
        return distinct.Length <= k ? distinct : distinct[..k];
    }
}
