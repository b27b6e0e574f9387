using System.Diagnostics;
using System.Text;
using DanY.Engine.Text;

namespace DanY.Engine.Synthesis;

/// <summary>
/// Turns comments into an auditable synthesis: duplicates and campaigns, noise with reasons, points,
/// opinion groups per section, counts and summaries. Pure and deterministic: the same input, options
/// and <see cref="EngineInfo.Version"/> give the same output, whatever the thread count.
/// </summary>
public sealed class SynthesisEngine
{
    private readonly SynthesisOptions _options;

    public SynthesisEngine(SynthesisOptions? options = null)
    {
        _options = options ?? SynthesisOptions.Default;
    }

    public SynthesisOptions Options => _options;

    public SynthesisResult Run(IReadOnlyList<CommentInput> comments, IReadOnlyList<DraftSection>? draft = null, IProgress<SynthesisProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var run = new EngineRun(comments, draft ?? [], _options, progress);
        return run.Execute();
    }

    /// <summary>
    /// For each pair of texts, whether they say the same thing, with the same similarity decision that
    /// joins wordings into opinions. The similarity model is learned from the texts given.
    /// </summary>
    public IReadOnlyList<PairJudgement> JudgePairs(IReadOnlyList<(string A, string B)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return PairJudge.Judge(pairs, _options);
    }

    /// <summary>One run's state; stages fill it in order.</summary>
    private sealed class EngineRun(IReadOnlyList<CommentInput> comments, IReadOnlyList<DraftSection> draft, SynthesisOptions options, IProgress<SynthesisProgress>? progress)
    {
        private readonly List<KeyValuePair<string, double>> _timings = [];
        private readonly Stopwatch _clock = new();
        private ParallelOptions Parallelism => new() { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };

        // Exact duplicates: comment → unique text index; unique text → first comment.
        private int[] _uniqueOf = [];
        private int[] _firstComment = [];
        private int[] _uniqueMultiplicity = [];
        private AnalysedText[] _texts = [];

        // Sections: comment's filed section as an index (0 = whole document).
        private readonly Dictionary<string, int> _sectionIndex = new(StringComparer.Ordinal) { [""] = 0 };
        private readonly List<string> _sectionRefs = [""];
        private int[] _docSection = [];

        private UnionFind _dups = new(0);
        private readonly HashSet<int> _campaignRoots = [];
        private bool[] _formulaClause = [];
        private ulong[] _formulaKeys = [];
        private HashSet<ulong> _formulas = [];
        private TermWeights _weights = null!;
        private Grouping _grouping = null!;
        private NoiseReason[] _noise = [];

        public SynthesisResult Execute()
        {
            Stage("exact", 0.0, ExactDuplicates);
            Stage("analyse", 0.1, Analyse);
            Stage("near-duplicates", 0.3, FindNearDuplicates);
            Stage("formulas", 0.45, LearnFormulas);
            Stage("weights", 0.5, LearnWeights);
            Stage("grouping", 0.55, Group);
            Stage("noise", 0.85, DetectNoise);
            SynthesisResult? result = null;
            Stage("summaries", 0.9, () => result = Summarise());
            progress?.Report(new SynthesisProgress("done", 1.0));
            return result! with { Timings = new SynthesisTimings(_timings) };
        }

        private void Stage(string name, double fraction, Action action)
        {
            progress?.Report(new SynthesisProgress(name, fraction));
            _clock.Restart();
            // Processor time of the whole process beside the wall clock: on a shared machine the wall
            // clock says more about the neighbours than about the stage.
            var cpu = Environment.CpuUsage.TotalTime;
            action();
            _timings.Add(new(name, _clock.Elapsed.TotalMilliseconds));
            _timings.Add(new("cpu " + name, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds));
            _timings.Add(new("MB " + name, Environment.WorkingSet / 1048576.0));
        }

        private void ExactDuplicates()
        {
            int n = comments.Count;
            var hashes = new (ulong, ulong)[n];
            Parallel.For(0, n, Parallelism, i => hashes[i] = VietnameseText.ExactKeyHash(comments[i].Text ?? ""));
            var first = new Dictionary<(ulong, ulong), int>(n);
            _uniqueOf = new int[n];
            var firstComment = new List<int>();
            var multiplicity = new List<int>();
            for (int i = 0; i < n; i++)
            {
                if (!first.TryGetValue(hashes[i], out int u))
                {
                    u = firstComment.Count;
                    first[hashes[i]] = u;
                    firstComment.Add(i);
                    multiplicity.Add(0);
                }
                _uniqueOf[i] = u;
                multiplicity[u]++;
            }
            _firstComment = firstComment.ToArray();
            _uniqueMultiplicity = multiplicity.ToArray();
            _docSection = new int[_firstComment.Length];
            for (int u = 0; u < _firstComment.Length; u++)
            {
                string s = comments[_firstComment[u]].SectionRef?.Trim() ?? "";
                if (!_sectionIndex.TryGetValue(s, out int si))
                {
                    si = _sectionRefs.Count;
                    _sectionIndex[s] = si;
                    _sectionRefs.Add(s);
                }
                _docSection[u] = si;
            }
        }

        private void Analyse()
        {
            _texts = new AnalysedText[_firstComment.Length];
            Parallel.For(0, _texts.Length, Parallelism, u => _texts[u] = TextAnalysis.Analyse(comments[_firstComment[u]].Text ?? ""));
        }

        private void SubLap(string name, ref TimeSpan cpu)
        {
            var now = Environment.CpuUsage.TotalTime;
            _timings.Add(new("cpu " + name, (now - cpu).TotalMilliseconds));
            cpu = now;
        }

        private void FindNearDuplicates()
        {
            var cpu = Environment.CpuUsage.TotalTime;
            int n = comments.Count;
            _dups = new UnionFind(n);
            for (int i = 0; i < n; i++) _dups.Union(i, _firstComment[_uniqueOf[i]]);
            var signatures = new uint[]?[_texts.Length];
            Parallel.For(0, _texts.Length, Parallelism, u =>
            {
                if (_texts[u].Words >= 3) signatures[u] = NearDuplicates.Signature(_texts[u].Tokens);
            });
            SubLap("near.signatures", ref cpu);
            var campaignLinks = new UnionFind(_texts.Length);
            double low = Math.Min(options.NearDuplicateSameSender, options.CampaignSimilarity);
            bool SameSender(int a, int b)
            {
                var ca = comments[_firstComment[a]];
                var cb = comments[_firstComment[b]];
                return string.Equals(ca.UnitCode, cb.UnitCode, StringComparison.Ordinal) && string.Equals(ca.Group, cb.Group, StringComparison.Ordinal);
            }
            bool Campaign(int a, int b, double similarity) => similarity >= options.CampaignSimilarity
                && _texts[a].Words >= options.CampaignMinWords && _texts[b].Words >= options.CampaignMinWords;
            NearDuplicates.FindPairs(signatures, low, (a, b, similarity) =>
            {
                if (SameSender(a, b) && similarity >= options.NearDuplicateSameSender)
                {
                    _dups.Union(_firstComment[a], _firstComment[b]);
                }
                else if (Campaign(a, b, similarity))
                {
                    campaignLinks.Union(a, b);
                }
            }, Parallelism, (a, b, similarity) => (similarity >= options.NearDuplicateSameSender && SameSender(a, b)) || Campaign(a, b, similarity));
            SubLap("near.pairs", ref cpu);
            // Near-identical letters from different senders are a campaign only when many send them within
            // a burst of days; two people writing alike, or a popular wording used all month, are not.
            var members = new Dictionary<int, List<int>>();
            for (int u = 0; u < _texts.Length; u++)
            {
                int root = campaignLinks.Find(u);
                if (root == u && !members.ContainsKey(u)) continue;
                if (!members.TryGetValue(root, out var list)) members[root] = list = [root];
                if (u != root) list.Add(u);
            }
            var campaignDocs = new List<int>();
            foreach (var (root, list) in members)
            {
                var units = new HashSet<string>(StringComparer.Ordinal);
                var times = new List<long>();
                foreach (int u in list)
                {
                    var c = comments[_firstComment[u]];
                    units.Add(c.UnitCode ?? "");
                    if (c.SubmittedAt is { } at) times.Add(at.UtcTicks);
                }
                if (units.Count < options.CampaignMinSenders) continue;
                if (times.Count >= 4)
                {
                    times.Sort();
                    var spread = TimeSpan.FromTicks(times[times.Count * 3 / 4] - times[times.Count / 4]);
                    if (spread > options.CampaignMaxSpread) continue;
                }
                foreach (int u in list) _dups.Union(_firstComment[root], _firstComment[u]);
                campaignDocs.Add(root);
            }
            // Byte-identical copies of a long letter from many senders (a campaign without signatures).
            var copyUnits = new Dictionary<int, HashSet<string>>();
            for (int i = 0; i < n; i++)
            {
                int u = _uniqueOf[i];
                if (_uniqueMultiplicity[u] < options.CampaignMinSenders || _texts[u].Words < options.CampaignMinWords) continue;
                if (!copyUnits.TryGetValue(u, out var set)) copyUnits[u] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(comments[i].UnitCode ?? "");
            }
            foreach (var (u, set) in copyUnits)
            {
                if (set.Count >= options.CampaignMinSenders) campaignDocs.Add(u);
            }
            SubLap("near.campaigns", ref cpu);
            // Variants of one letter (a sentence changed) are one campaign: their anchors stay close.
            for (int x = 0; x < campaignDocs.Count; x++)
            {
                for (int y = x + 1; y < campaignDocs.Count; y++)
                {
                    var sa = signatures[campaignDocs[x]];
                    var sb = signatures[campaignDocs[y]];
                    if (sa is null || sb is null) continue;
                    if (NearDuplicates.Similarity(sa, sb) >= options.CampaignVariantSimilarity) _dups.Union(_firstComment[campaignDocs[x]], _firstComment[campaignDocs[y]]);
                }
            }
            foreach (int root in campaignDocs) _campaignRoots.Add(_dups.Find(_firstComment[root]));
            SubLap($"near.variants({campaignDocs.Count})", ref cpu);
        }

        private void LearnFormulas()
        {
            int docs = _texts.Length;
            var df = new Dictionary<ulong, int>();
            var seen = new HashSet<ulong>();
            for (int u = 0; u < docs; u++)
            {
                seen.Clear();
                foreach (ulong key in _texts[u].ClauseKeys)
                {
                    if (seen.Add(key)) df[key] = df.GetValueOrDefault(key) + 1;
                }
            }
            int minCount = Math.Max(options.FormulaMinCount, (int)(options.FormulaMinShare * docs));
            var frequent = new Dictionary<ulong, Dictionary<int, int>>();
            foreach (var (key, count) in df)
            {
                if (count >= minCount) frequent[key] = new Dictionary<int, int>();
            }
            for (int u = 0; u < docs; u++)
            {
                seen.Clear();
                foreach (ulong key in _texts[u].ClauseKeys)
                {
                    if (frequent.TryGetValue(key, out var bySection) && seen.Add(key))
                    {
                        bySection[_docSection[u]] = bySection.GetValueOrDefault(_docSection[u]) + 1;
                    }
                }
            }
            _formulas = [];
            foreach (var (key, bySection) in frequent)
            {
                int total = 0, max = 0;
                foreach (int c in bySection.Values)
                {
                    total += c;
                    max = Math.Max(max, c);
                }
                if (max <= options.FormulaMaxConcentration * total) _formulas.Add(key);
            }
        }

        private void LearnWeights()
        {
            _weights = TermWeights.Learn(_texts, _formulas, _docSection, _sectionRefs.Count);
        }

        private void Group()
        {
            int n = comments.Count;
            var writerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var section = new int[n];
            var writer = new int[n];
            var weight = new byte[n];
            var docWeight = new int[_texts.Length];
            for (int i = 0; i < n; i++)
            {
                string g = comments[i].Group?.Trim() ?? "";
                if (!writerIndex.TryGetValue(g, out int gi)) writerIndex[g] = gi = writerIndex.Count;
                writer[i] = gi;
                string s = comments[i].SectionRef?.Trim() ?? "";
                if (!_sectionIndex.TryGetValue(s, out int si))
                {
                    si = _sectionRefs.Count;
                    _sectionIndex[s] = si;
                    _sectionRefs.Add(s);
                }
                section[i] = si;
                int root = _dups.Find(i);
                weight[i] = (byte)(_campaignRoots.Contains(root) && root != i ? 0 : 1);
                docWeight[_uniqueOf[i]] += weight[i];
            }
            var profiles = new CommentProfiles(_uniqueOf, section, _sectionRefs.Count, writer, writerIndex.Count, weight, docWeight);
            _grouping = Grouping.Build(_texts, _uniqueMultiplicity, profiles, _formulas, _weights, options, Parallelism, (name, ms) => _timings.Add(new(name, ms)));
        }

        private void DetectNoise()
        {
            int n = comments.Count;
            _noise = new NoiseReason[n];
            var docReason = new NoiseReason[_texts.Length];
            for (int u = 0; u < _texts.Length; u++)
            {
                var t = _texts[u];
                if (t.HasLink || t.HasPhone) docReason[u] = NoiseReason.Spam;
                else if (t.Words == 0 || t.Letters < 4) docReason[u] = NoiseReason.Empty;
                else if (_grouping.DocGroup[u] < 0) docReason[u] = NoiseReason.FormulaOnly;
                else if (_grouping.OffTopic[_grouping.DocGroup[u]]) docReason[u] = NoiseReason.OffTopic;
            }
            for (int i = 0; i < n; i++) _noise[i] = docReason[_uniqueOf[i]];
        }

        private SynthesisResult Summarise() =>
            Summaries.Build(comments, draft, options, _uniqueOf, _firstComment, _texts, _dups, _noise, _grouping, _weights, _sectionRefs, Parallelism);
    }
}
