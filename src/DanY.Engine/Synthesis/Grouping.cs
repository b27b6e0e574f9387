namespace DanY.Engine.Synthesis;

/// <summary>
/// Per comment: its unique text, filed section, writer's social group, and whether it counts in
/// profiles (a campaign counts once, as one opinion with its size).
/// </summary>
internal sealed record CommentProfiles(int[] Doc, int[] Section, int Sections, int[] Writer, int WriterGroups, byte[] Weight, int[] DocWeight);

/// <summary>A point: one sentence of a comment, stripped of formulas.</summary>
internal readonly record struct DocPoint(int Distinct, int Sentence, int FirstClause, int LastClause);

/// <summary>
/// Opinion groups. Points (sentences without formulas) are deduplicated, clustered into wordings by
/// weighted word overlap, and wordings are joined into opinions.
/// </summary>
internal sealed class Grouping
{
    public required DocPoint[][] DocPoints { get; init; }

    /// <summary>Every point of every unique text, asides included (for quoting).</summary>
    public required DocPoint[][] AllDocPoints { get; init; }

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

    [ThreadStatic]
    private static string? Stats;

    public static Grouping Build(AnalysedText[] texts, int[] multiplicity, CommentProfiles profiles, HashSet<ulong> formulas,
        TermWeights weights, SynthesisOptions options, ParallelOptions parallel, Action<string, double>? timing = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        void Lap(string name)
        {
            timing?.Invoke(name, clock.Elapsed.TotalMilliseconds);
            var now = Environment.CpuUsage.TotalTime;
            timing?.Invoke("cpu " + name.Split('(')[0], (now - cpu).TotalMilliseconds);
            cpu = now;
            clock.Restart();
        }
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
                // Quote a copy written with diacritics when the first one was typed without.
                if (!texts[firstDoc[d]].HasDiacritics && texts[u].HasDiacritics) firstDoc[d] = u;
                points[k] = new DocPoint(d, p.Sentence, p.First, p.Last);
            }
            docPoints[u] = points;
        }
        int distinct = firstDoc.Count;
        var vectors = new SparseVector[distinct];
        Parallel.For(0, distinct, parallel, d => vectors[d] = Vectorise(ids[d], weights));

        Lap("grouping.points");
        // 3. Wordings: leader clustering, most common points first.
        var order = Enumerable.Range(0, distinct).ToArray();
        var countArr = count.ToArray();
        Array.Sort(order, (a, b) => countArr[a] != countArr[b] ? countArr[b].CompareTo(countArr[a]) : a.CompareTo(b));
        var wording = new int[distinct];
        var leaders = new List<int>();
        var postings = new Dictionary<int, List<int>>();
        float threshold = (float)options.WordingSimilarity;
        var top3 = new int[distinct][];
        Parallel.For(0, distinct, parallel, d => top3[d] = TopTerms(ids[d], weights, 3));
        // Leader clustering in batches: the points of a batch are compared with the leaders known at its
        // start in parallel, then, in order, with the leaders the batch itself created. Candidates are the
        // first 60 leaders of each of the point's top terms (posting lists only grow at their end), and
        // the best is the highest score, ties to the lowest leader: the same result as one point at a
        // time, whatever the thread count.
        const int Batch = 1024, Scan = 60;
        var batchBest = new int[Batch];
        var batchScore = new float[Batch];
        var fresh = new List<int>();
        // Leaders' features get dense ids, so that a point is scattered once into a dense array and each
        // candidate costs one pass over its own features: the products are still added in the leader's
        // key order, bit for bit the sparse dot product.
        var featureId = new Dictionary<ulong, int>();
        var leaderFeatures = new List<int[]>();
        float[] mainDense = [];
        for (int from = 0; from < distinct; from += Batch)
        {
            int to = Math.Min(distinct, from + Batch);
            int known = leaders.Count;
            int features = featureId.Count;
            Parallel.For(from, to, parallel, () => (Seen: new int[known], Dense: DenseScratch(features)), (x, _, scratch) =>
            {
                int d = order[x];
                // seen[leader] holds 1 + the point's rank when the leader was already scored for this point.
                var (seen, dense) = scratch;
                Scatter(vectors[d], featureId, dense, true);
                int best = -1;
                float bestScore = threshold;
                foreach (int term in top3[d])
                {
                    if (!postings.TryGetValue(term, out var list)) continue;
                    for (int k = 0; k < list.Count && k < Scan; k++)
                    {
                        int leader = list[k];
                        if (seen[leader] == x + 1) continue;
                        seen[leader] = x + 1;
                        float score = DenseDot(dense, leaderFeatures[leader], vectors[leaders[leader]].Values);
                        if (score > bestScore || (score == bestScore && best >= 0 && leader < best))
                        {
                            bestScore = score;
                            best = leader;
                        }
                    }
                }
                Scatter(vectors[d], featureId, dense, false);
                batchBest[x - from] = best;
                batchScore[x - from] = bestScore;
                return scratch;
            }, _ => { });
            for (int x = from; x < to; x++)
            {
                int d = order[x];
                int best = batchBest[x - from];
                float bestScore = batchScore[x - from];
                if (leaders.Count > known)
                {
                    fresh.Clear();
                    foreach (int term in top3[d])
                    {
                        if (!postings.TryGetValue(term, out var list)) continue;
                        for (int k = list.Count - 1; k >= 0; k--)
                        {
                            int leader = list[k];
                            if (leader < known) break;
                            if (k >= Scan || fresh.Contains(leader)) continue;
                            fresh.Add(leader);
                        }
                    }
                    if (fresh.Count > 0)
                    {
                        if (mainDense.Length < featureId.Count) mainDense = new float[Math.Max(featureId.Count, 2 * mainDense.Length)];
                        Scatter(vectors[d], featureId, mainDense, true);
                        foreach (int leader in fresh)
                        {
                            float score = DenseDot(mainDense, leaderFeatures[leader], vectors[leaders[leader]].Values);
                            if (score > bestScore || (score == bestScore && best >= 0 && leader < best))
                            {
                                bestScore = score;
                                best = leader;
                            }
                        }
                        Scatter(vectors[d], featureId, mainDense, false);
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
                var keys = vectors[d].Keys;
                var fids = new int[vectors[d].Length];
                for (int f = 0; f < fids.Length; f++)
                {
                    if (!featureId.TryGetValue(keys[f], out int fid)) featureId[keys[f]] = fid = featureId.Count;
                    fids[f] = fid;
                }
                leaderFeatures.Add(fids);
                foreach (int term in TopTerms(ids[d], weights, 6))
                {
                    if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                    list.Add(id);
                }
            }
        }

        Lap($"grouping.wordings(points {distinct}, wordings {leaders.Count})");
        // Wordings that never stand alone (self-introductions, colour sentences, local asides) are not
        // opinions: a comment is never only that. Learned per corpus from how the wording co-occurs.
        var asideClock = System.Diagnostics.Stopwatch.StartNew();
        // Filtering replaces inner arrays, so this shallow copy keeps every point for quoting.
        var allPoints = (DocPoint[][])docPoints.Clone();
        var aside = AsideWordings(wording, leaders.Count, docPoints, profiles.DocWeight, options, null);
        aside = AsideWordings(wording, leaders.Count, docPoints, profiles.DocWeight, options, aside);
        for (int u = 0; u < docs; u++)
        {
            if (!docPoints[u].Any(p => aside[wording[p.Distinct]])) continue;
            var kept = docPoints[u].Where(p => !aside[wording[p.Distinct]]).ToArray();
            // A comment made only of asides keeps them: it is still a comment, judged as it is.
            if (kept.Length > 0) docPoints[u] = kept;
        }
        string asideMs = $"aside {asideClock.ElapsedMilliseconds}";
        var pointGroup = MergeWordings(wording, leaders, countArr, vectors, docPoints, profiles, options, parallel, out int groups, out int[] groupLeader);
        Lap("grouping.merge(" + asideMs + " " + Stats + ")");
        var docGroup = new int[docs];
        // A comment's main opinion is its first point that belongs to an opinion others share; a lone
        // first sentence (a self-introduction, a local remark) does not hide the request that follows.
        var groupSize = new int[groups];
        for (int d = 0; d < distinct; d++) groupSize[pointGroup[d]] += countArr[d];
        long totalComments = 0;
        foreach (int x in multiplicity) totalComments += x;
        int significant = Math.Max(options.OpinionMinSize, (int)(options.SignificantShare * totalComments));
        bool[]? offTopic = null;
        // Twice: once to find the groups filed all over the draft, then again so that a comment whose
        // first shared point is such a group (a self-introduction) is judged by the request that follows.
        for (int pass = 0; pass < 2; pass++)
        {
            for (int u = 0; u < docs; u++)
            {
                docGroup[u] = -1;
                if (docPoints[u].Length == 0) continue;
                docGroup[u] = pointGroup[docPoints[u][0].Distinct];
                int firstShared = -1;
                foreach (var p in docPoints[u])
                {
                    int g = pointGroup[p.Distinct];
                    if (groupSize[g] < significant) continue;
                    if (firstShared < 0) firstShared = g;
                    if (offTopic is null || !offTopic[g])
                    {
                        firstShared = g;
                        break;
                    }
                }
                if (firstShared >= 0) docGroup[u] = firstShared;
            }
            offTopic = OffTopicGroups(docGroup, groups, profiles, options);
        }
        // A comment whose chosen opinion is the main one of almost no other comment is counted under
        // another of its points that is the main opinion of several, when it has one.
        var mainCount = new int[groups];
        for (int u = 0; u < docs; u++)
        {
            if (docGroup[u] >= 0) mainCount[docGroup[u]] += multiplicity[u];
        }
        bool moved = false;
        for (int u = 0; u < docs; u++)
        {
            if (docGroup[u] < 0 || mainCount[docGroup[u]] >= options.OpinionMinSize) continue;
            foreach (var p in docPoints[u])
            {
                int g = pointGroup[p.Distinct];
                if (mainCount[g] >= options.OpinionMinSize && !offTopic![g])
                {
                    docGroup[u] = g;
                    moved = true;
                    break;
                }
            }
        }
        if (moved) offTopic = OffTopicGroups(docGroup, groups, profiles, options);
        return new Grouping
        {
            DocPoints = docPoints,
            AllDocPoints = allPoints,
            PointGroup = pointGroup,
            PointFirstDoc = firstDoc.ToArray(),
            PointCount = countArr,
            PointVectors = vectors,
            DocGroup = docGroup,
            GroupCount = groups,
            OffTopic = offTopic!,
            GroupLeader = groupLeader,
        };
    }

    /// <summary>Off-topic: groups filed all over the draft, with no section (not even "whole document") of their own.</summary>
    private static bool[] OffTopicGroups(int[] docGroup, int groups, CommentProfiles profiles, SynthesisOptions options)
    {
        var offTopic = new bool[groups];
        var sectionCounts = new Dictionary<(int, int), int>();
        var groupTotal = new int[groups];
        // Unweighted too: a campaign filed under one section, or against the whole document, keeps its group on topic.
        var rawCounts = new Dictionary<(int, int), int>();
        var rawTotal = new int[groups];
        for (int i = 0; i < profiles.Doc.Length; i++)
        {
            int g = docGroup[profiles.Doc[i]];
            if (g < 0) continue;
            var key = (g, profiles.Section[i]);
            rawTotal[g]++;
            rawCounts[key] = rawCounts.GetValueOrDefault(key) + 1;
            if (profiles.Weight[i] == 0) continue;
            groupTotal[g]++;
            sectionCounts[key] = sectionCounts.GetValueOrDefault(key) + 1;
        }
        var rawMax = new int[groups];
        var rawWhole = new int[groups];
        foreach (var ((g, section), c) in rawCounts)
        {
            if (section != 0) rawMax[g] = Math.Max(rawMax[g], c);
            else rawWhole[g] = c;
        }
        var groupMax = new int[groups];
        var groupWhole = new int[groups];
        foreach (var ((g, section), c) in sectionCounts)
        {
            if (section == 0) groupWhole[g] = c;
            else groupMax[g] = Math.Max(groupMax[g], c);
        }
        // Opinions about the whole document are mostly filed against it; off-topic text is filed anywhere.
        for (int g = 0; g < groups; g++)
        {
            offTopic[g] = groupTotal[g] >= 8 && groupMax[g] < options.OffTopicMaxConcentration * groupTotal[g]
                && groupWhole[g] < options.WholeDocumentMinShare * groupTotal[g]
                && rawMax[g] < options.OffTopicMaxConcentration * rawTotal[g]
                && rawWhole[g] < options.WholeDocumentMinShare * rawTotal[g];
        }
        return offTopic;
    }

    // Second pass: a wording that only ever appears beside asides does stand alone.
    private static bool[] AsideWordings(int[] wording, int w, DocPoint[][] docPoints, int[] multiplicity, SynthesisOptions options, bool[]? ignore)
    {
        var docsWith = new int[w];
        var alone = new int[w];
        var set = new HashSet<int>();
        for (int u = 0; u < docPoints.Length; u++)
        {
            set.Clear();
            foreach (var p in docPoints[u]) set.Add(wording[p.Distinct]);
            foreach (int k in set) docsWith[k] += multiplicity[u];
            if (ignore is not null && set.Count > 1)
            {
                set.RemoveWhere(k => ignore[k]);
                if (set.Count == 0) continue;
            }
            if (set.Count == 1) alone[set.First()] += multiplicity[u];
        }
        var aside = new bool[w];
        for (int k = 0; k < w; k++)
        {
            aside[k] = docsWith[k] >= options.OpinionMinSize && alone[k] < options.AsideMaxAloneShare * docsWith[k];
        }
        return aside;
    }

    /// <summary>
    /// Joins wordings that mean the same: average-linkage agglomeration of the frequent wordings on
    /// their centroids, allowed only between wordings filed under similar sections; rare wordings then
    /// join the nearest opinion.
    /// </summary>
    private static int[] MergeWordings(int[] wording, List<int> leaders, int[] count, SparseVector[] vectors,
        DocPoint[][] docPoints, CommentProfiles profiles, SynthesisOptions options, ParallelOptions parallel, out int groups, out int[] groupLeader)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var laps = new List<string>();
        var cpu = Environment.CpuUsage.TotalTime;
        void L(string n)
        {
            var now = Environment.CpuUsage.TotalTime;
            laps.Add($"{n} {sw.ElapsedMilliseconds} cpu {(now - cpu).TotalMilliseconds:F0}");
            cpu = now;
            sw.Restart();
        }
        int w = leaders.Count;
        var size = new int[w];
        var centroid = new Dictionary<ulong, float>[w];
        // Members of each wording in point order (a counting sort), so that centroids are summed in
        // parallel, each in the same order as one pass over the points would.
        var start = new int[w + 1];
        for (int d = 0; d < wording.Length; d++) start[wording[d] + 1]++;
        for (int k = 0; k < w; k++) start[k + 1] += start[k];
        var memberOf = new int[wording.Length];
        var fill = (int[])start.Clone();
        for (int d = 0; d < wording.Length; d++) memberOf[fill[wording[d]]++] = d;
        Parallel.For(0, w, parallel, k =>
        {
            var c = new Dictionary<ulong, float>();
            for (int x = start[k]; x < start[k + 1]; x++)
            {
                int d = memberOf[x];
                size[k] += count[d];
                var v = vectors[d];
                for (int f = 0; f < v.Length; f++)
                {
                    ref float slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(c, v.Keys[f], out _);
                    slot += v.Values[f] * count[d];
                }
            }
            centroid[k] = c;
        });
        L("centroids");
        int sections = profiles.Sections, writerGroups = profiles.WriterGroups;
        var sectionVec = new double[w][];
        var writerVec = new double[w][];
        for (int k = 0; k < w; k++)
        {
            sectionVec[k] = new double[sections];
            writerVec[k] = new double[writerGroups];
        }
        for (int i = 0; i < profiles.Doc.Length; i++)
        {
            if (profiles.Weight[i] == 0) continue;
            foreach (var p in docPoints[profiles.Doc[i]])
            {
                sectionVec[wording[p.Distinct]][profiles.Section[i]] += 1;
                writerVec[wording[p.Distinct]][profiles.Writer[i]] += 1;
            }
        }
        int minSize = options.OpinionMinSize;
        var big = Enumerable.Range(0, w).Where(k => size[k] >= minSize).ToList();
        // Average-linkage (UPGMA) agglomeration on a dense score matrix; each row caches its best partner.
        int m = big.Count;
        Stats = $"big {m} of {w}";
        var unit = big.Select(k => Unit(centroid[k])).ToArray();
        var sUnit = big.Select(k => UnitDense(sectionVec[k])).ToArray();
        var gUnit = big.Select(k => UnitDense(writerVec[k])).ToArray();
        // Sparse: only wordings answering similar sections can score above zero, so each row looks only at
        // the wordings sharing a section with it (section products summed in section order, as a dense dot).
        var bySection = new List<(int Row, double Value)>[sections];
        for (int x = 0; x < sections; x++) bySection[x] = [];
        for (int i = 0; i < m; i++)
        {
            for (int x = 0; x < sections; x++)
            {
                if (sUnit[i][x] != 0) bySection[x].Add((i, sUnit[i][x]));
            }
        }
        var neighbours = new Dictionary<int, float>[m];
        Parallel.For(0, m, parallel, () => (Sum: new double[m], Touched: new List<int>()), (i, _, scratch) =>
        {
            var (sum, touched) = scratch;
            for (int x = 0; x < sections; x++)
            {
                double vi = sUnit[i][x];
                if (vi == 0) continue;
                foreach (var (j, vj) in bySection[x])
                {
                    if (sum[j] == 0) touched.Add(j);
                    sum[j] += vi * vj;
                }
            }
            touched.Sort();
            var row = new Dictionary<int, float>();
            foreach (int j in touched)
            {
                if (j != i && sum[j] >= options.OpinionSectionSimilarity)
                {
                    float v = (float)PairScore(unit[i], unit[j], null, null, gUnit[i], gUnit[j], options);
                    if (v > 0) row[j] = v;
                }
                sum[j] = 0;
            }
            touched.Clear();
            neighbours[i] = row;
            return scratch;
        }, _ => { });
        L("profiles+matrix");
        var weight = big.Select(k => (double)size[k]).ToArray();
        var alive = Enumerable.Repeat(true, m).ToArray();
        var clusterOf = new int[w];
        Array.Fill(clusterOf, -1);
        for (int i = 0; i < m; i++) clusterOf[big[i]] = i;
        var rowBest = new int[m];
        void Refresh(int i)
        {
            int best = -1;
            float bestValue = float.NegativeInfinity;
            foreach (var (j, v) in neighbours[i])
            {
                if (v > bestValue || (v == bestValue && j < best))
                {
                    bestValue = v;
                    best = j;
                }
            }
            rowBest[i] = best;
        }
        for (int i = 0; i < m; i++) Refresh(i);
        float threshold = (float)options.OpinionSimilarity;
        var members = Enumerable.Range(0, m).Select(i => new List<int> { i }).ToArray();
        while (true)
        {
            int a = -1;
            float bestValue = threshold;
            for (int i = 0; i < m; i++)
            {
                if (!alive[i] || rowBest[i] < 0) continue;
                float v = neighbours[i][rowBest[i]];
                if (v >= bestValue && (a < 0 || v > bestValue))
                {
                    bestValue = v;
                    a = i;
                }
            }
            if (a < 0) break;
            int b = rowBest[a];
            if (b < a) (a, b) = (b, a);
            double wa = weight[a], wb = weight[b];
            // Average linkage: a missing entry is a similarity of zero.
            var merged = new Dictionary<int, float>();
            foreach (int j in neighbours[a].Keys.Concat(neighbours[b].Keys))
            {
                if (j == a || j == b || merged.ContainsKey(j)) continue;
                float v = (float)((wa * neighbours[a].GetValueOrDefault(j) + wb * neighbours[b].GetValueOrDefault(j)) / (wa + wb));
                merged[j] = v;
            }
            var affected = new HashSet<int>(neighbours[a].Keys.Concat(neighbours[b].Keys));
            foreach (int j in affected)
            {
                if (j == a || j == b) continue;
                neighbours[j].Remove(b);
                if (merged.TryGetValue(j, out float v) && v > 0) neighbours[j][a] = v;
                else neighbours[j].Remove(a);
            }
            neighbours[a] = merged;
            neighbours[b] = [];
            weight[a] = wa + wb;
            alive[b] = false;
            members[a].AddRange(members[b]);
            foreach (int x in members[b]) clusterOf[big[x]] = a;
            members[b].Clear();
            rowBest[b] = -1;
            Refresh(a);
            foreach (int j in affected)
            {
                if (j != a && j != b && alive[j]) Refresh(j);
            }
        }
        L("upgma");
        // Centroids of the opinions, for the rare wordings.
        var opinionCentroid = new SparseVector[m];
        void Centroids(IEnumerable<int> which)
        {
            foreach (int i in which)
            {
                var sum = new Dictionary<ulong, float>();
                foreach (int x in members[i])
                {
                    foreach (var (key, value) in centroid[big[x]]) sum[key] = sum.GetValueOrDefault(key) + value;
                }
                opinionCentroid[i] = Unit(sum);
            }
        }
        Centroids(Enumerable.Range(0, m).Where(i => alive[i]));
        // Small opinions left apart by the merge are mostly a big opinion's less common wordings: each
        // joins the big opinion whose centroid is nearest when the cosine reaches a lower bar. Big ones
        // are fixed first, so the order of joins does not matter.
        long points = 0;
        for (int k = 0; k < w; k++) points += size[k];
        double small = Math.Max(minSize, options.SmallOpinionShare * points);
        var bigOpinions = Enumerable.Range(0, m).Where(i => alive[i] && weight[i] >= small).ToArray();
        var smallOpinions = Enumerable.Range(0, m).Where(i => alive[i] && weight[i] < small).ToArray();
        var smallTarget = new int[smallOpinions.Length];
        Parallel.For(0, smallOpinions.Length, parallel, x =>
        {
            int i = smallOpinions[x];
            int target = -1;
            float best = (float)options.SmallOpinionSimilarity;
            foreach (int j in bigOpinions)
            {
                float v = SparseVector.Dot(opinionCentroid[i], opinionCentroid[j]);
                if (v > best)
                {
                    best = v;
                    target = j;
                }
            }
            smallTarget[x] = target;
        });
        var grown = new SortedSet<int>();
        for (int x = 0; x < smallOpinions.Length; x++)
        {
            int i = smallOpinions[x], target = smallTarget[x];
            if (target < 0) continue;
            alive[i] = false;
            members[target].AddRange(members[i]);
            foreach (int y in members[i]) clusterOf[big[y]] = target;
            members[i].Clear();
            grown.Add(target);
        }
        Centroids(grown);
        var unitFinal = opinionCentroid;
        // Rare wordings join the nearest opinion when close enough, else stand alone.
        var live = Enumerable.Range(0, m).Where(i => alive[i]).ToList();
        // Candidates through shared single-word features only: a rare wording with no word in common is not near.
        var byTerm = new Dictionary<ulong, List<int>>();
        foreach (int i in live)
        {
            foreach (ulong key in unitFinal[i].Keys)
            {
                if ((key & (1UL << 63)) != 0) continue;
                if (!byTerm.TryGetValue(key, out var list)) byTerm[key] = list = [];
                list.Add(i);
            }
        }
        var rare = Enumerable.Range(0, w).Where(k => clusterOf[k] < 0).ToArray();
        var rareTarget = new int[rare.Length];
        // Scores against every opinion at once through an inverted index of the opinion centroids; the
        // products are added in key order, as a sparse dot product would.
        var byFeature = new Dictionary<ulong, List<(int Opinion, float Value)>>();
        foreach (int i in live)
        {
            var c = unitFinal[i];
            for (int f = 0; f < c.Length; f++)
            {
                if (!byFeature.TryGetValue(c.Keys[f], out var list)) byFeature[c.Keys[f]] = list = [];
                list.Add((i, c.Values[f]));
            }
        }
        Parallel.For(0, rare.Length, parallel, () => new float[m], (r, _, score) =>
        {
            int k = rare[r];
            var v = Unit(centroid[k]);
            for (int f = 0; f < v.Length; f++)
            {
                if (!byFeature.TryGetValue(v.Keys[f], out var list)) continue;
                float a = v.Values[f];
                foreach (var (i, value) in list) score[i] += a * value;
            }
            int bestCluster = -1;
            double bestScore = options.RareWordingSimilarity;
            // Candidates share one of the wording's heaviest single words: with no word in common it is not near.
            var keys = Enumerable.Range(0, v.Length).Where(f => (v.Keys[f] & (1UL << 63)) == 0)
                .OrderByDescending(f => v.Values[f]).ThenBy(f => v.Keys[f]).Take(5).Select(f => v.Keys[f]);
            foreach (ulong key in keys)
            {
                if (!byTerm.TryGetValue(key, out var list)) continue;
                foreach (int i in list)
                {
                    double s = score[i];
                    if (s > bestScore || (s == bestScore && bestCluster >= 0 && i < bestCluster))
                    {
                        bestScore = s;
                        bestCluster = i;
                    }
                }
            }
            // No heavy word in common: the best opinion over all shared features, at the same bar, so that
            // a wording with odd vocabulary does not become an opinion of one comment.
            bool fallback = bestCluster < 0;
            for (int f = 0; f < v.Length; f++)
            {
                if (!byFeature.TryGetValue(v.Keys[f], out var list)) continue;
                foreach (var (i, _) in list)
                {
                    double s = score[i];
                    if (fallback && s > 0 && (s > bestScore || (s == bestScore && bestCluster >= 0 && i < bestCluster)))
                    {
                        bestScore = s;
                        bestCluster = i;
                    }
                    score[i] = 0;
                }
            }
            rareTarget[r] = bestCluster >= 0 ? bestCluster : -1 - k;
            return score;
        }, _ => { });
        for (int r = 0; r < rare.Length; r++) clusterOf[rare[r]] = rareTarget[r];
        L("rare");
        Stats += " " + string.Join(", ", laps);
        // Dense group ids in order of first wording; leader = most common wording's leader point.
        var idOf = new Dictionary<int, int>();
        var leaderList = new List<int>();
        var leaderSize = new List<int>();
        var groupOfWording = new int[w];
        for (int k = 0; k < w; k++)
        {
            if (!idOf.TryGetValue(clusterOf[k], out int g))
            {
                g = leaderList.Count;
                idOf[clusterOf[k]] = g;
                leaderList.Add(leaders[k]);
                leaderSize.Add(size[k]);
            }
            else if (size[k] > leaderSize[g])
            {
                leaderList[g] = leaders[k];
                leaderSize[g] = size[k];
            }
            groupOfWording[k] = g;
        }
        groups = leaderList.Count;
        groupLeader = leaderList.ToArray();
        var pointGroup = new int[wording.Length];
        for (int d = 0; d < wording.Length; d++) pointGroup[d] = groupOfWording[wording[d]];
        return pointGroup;
    }

    /// <summary>
    /// Two wordings of one opinion answer the same section and are raised by the same kinds of people
    /// (social groups differ in their concerns); the words themselves are the third witness.
    /// </summary>
    /// <remarks>Without profiles (two bare sentences) only the words speak; the threshold is the same.</remarks>
    internal static double PairScore(SparseVector a, SparseVector b, double[]? sa, double[]? sb, double[]? ga, double[]? gb, SynthesisOptions options)
    {
        if (sa is not null && sb is not null && DotDense(sa, sb) < options.OpinionSectionSimilarity) return 0;
        double profile = 0;
        if (ga is not null && gb is not null)
        {
            double writers = DotDense(ga, gb);
            profile = Math.Max(0, writers - options.WriterProfileFloor) / (1 - options.WriterProfileFloor);
        }
        return SparseVector.Dot(a, b) + options.WriterProfileWeight * profile;
    }

    private static double DotDense(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static SparseVector Unit(Dictionary<ulong, float> sum)
    {
        // Keep the heaviest features: enough to compare, cheap to dot.
        const int Keep = 96;
        if (sum.Count <= Keep) return SparseVector.From(sum);
        var top = sum.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(Keep).ToDictionary(kv => kv.Key, kv => kv.Value);
        return SparseVector.From(top);
    }

    private static double[] UnitDense(double[] v)
    {
        double n = 0;
        foreach (double x in v) n += x * x;
        n = Math.Sqrt(n);
        return n == 0 ? v : v.Select(x => x / n).ToArray();
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
        // Features in order of first occurrence (a repeated feature keeps its value), normalised in that
        // order, then sorted by key: what a dictionary of features would give, without one per point.
        int max = 2 * ids.Length;
        var keys = new ulong[max];
        var values = new float[max];
        int n = 0;
        void Add(ulong key, float value)
        {
            for (int j = 0; j < n; j++)
            {
                if (keys[j] == key)
                {
                    values[j] = value;
                    return;
                }
            }
            keys[n] = key;
            values[n++] = value;
        }
        for (int i = 0; i < ids.Length; i++)
        {
            float w = weights.Weight(ids[i]);
            Add((ulong)ids[i], w);
            if (i + 1 < ids.Length)
            {
                float w2 = weights.Weight(ids[i + 1]);
                ulong bigram = StableHash.Combine((ulong)ids[i], (ulong)ids[i + 1]) | (1UL << 63);
                Add(bigram, 0.5f * (w + w2));
            }
        }
        if (n < max)
        {
            Array.Resize(ref keys, n);
            Array.Resize(ref values, n);
        }
        return SparseVector.FromOrdered(keys, values);
    }

    /// <summary>Writes (or clears) a vector's values at the dense ids of the features leaders have; other features cannot match.</summary>
    private static void Scatter(SparseVector v, Dictionary<ulong, int> featureId, float[] dense, bool set)
    {
        var keys = v.Keys;
        for (int f = 0; f < v.Length; f++)
        {
            if (featureId.TryGetValue(keys[f], out int id) && id < dense.Length) dense[id] = set ? v.Values[f] : 0f;
        }
    }

    // One zeroed scatter array per thread, reused across batches (a fresh one per batch filled the large
    // object heap at a million comments); users clear what they set.
    [ThreadStatic]
    private static float[]? Dense;

    private static float[] DenseScratch(int size)
    {
        if (Dense is null || Dense.Length < size) Dense = new float[Math.Max(size, 2 * (Dense?.Length ?? 0))];
        return Dense;
    }

    private static float DenseDot(float[] dense, int[] features, float[] values)
    {
        float sum = 0;
        for (int k = 0; k < features.Length; k++) sum += dense[features[k]] * values[k];
        return sum;
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
