using DanY.Engine.Text;

namespace DanY.Engine.Synthesis;

/// <summary>
/// Roll-up and incremental updates without starting over: child syntheses merge into a parent's
/// (groups that mean the same merge, counts add, sources are kept), and new comments fold into an
/// existing synthesis. Groups are compared on their weighted folded words (<see cref="OpinionGroup.Terms"/>),
/// which do not depend on the run that produced them.
/// </summary>
public sealed class SynthesisMerger
{
    private readonly SynthesisOptions _options;

    public SynthesisMerger(SynthesisOptions? options = null)
    {
        _options = options ?? SynthesisOptions.Default;
    }

    /// <summary>Similarity of term profiles at which two groups from different syntheses are one opinion.</summary>
    public double MergeSimilarity { get; init; } = 0.5;

    /// <summary>
    /// Merges <paramref name="children"/> into <paramref name="parent"/> (which may be empty). Sections keep
    /// the parent's order, then the children's. Distinct-unit counts add up, an upper bound when the same
    /// unit appears in two children.
    /// </summary>
    public SynthesisDocument Merge(SynthesisDocument parent, IEnumerable<(string Label, SynthesisDocument Document)> children)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(children);
        var sections = new List<(string Ref, string? Title, List<OpinionGroup> Groups)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        void Absorb(SynthesisDocument doc)
        {
            foreach (var section in doc.Sections)
            {
                if (!index.TryGetValue(section.SectionRef, out int si))
                {
                    si = sections.Count;
                    index[section.SectionRef] = si;
                    sections.Add((section.SectionRef, section.Title, []));
                }
                var target = sections[si].Groups;
                foreach (var group in section.Groups)
                {
                    int match = BestMatch(target, group.Terms);
                    if (match >= 0) target[match] = Combine(target[match], group);
                    else target.Add(group with { Members = [.. group.Members] });
                }
            }
        }
        Absorb(parent);
        var sources = new List<string>(parent.Sources);
        int total = parent.TotalComments, noise = parent.NoiseComments, dups = parent.DuplicateComments, campaigns = parent.Campaigns;
        var byChannel = new CountMap(parent.ByChannel);
        var noiseEntries = parent.Noise.ToDictionary(e => e.Reason);
        foreach (var (label, child) in children)
        {
            Absorb(child);
            sources.Add(label);
            sources.AddRange(child.Sources.Select(s => label + "/" + s));
            total += child.TotalComments;
            noise += child.NoiseComments;
            dups += child.DuplicateComments;
            campaigns += child.Campaigns;
            foreach (var (k, v) in child.ByChannel) byChannel[k] = byChannel.GetValueOrDefault(k) + v;
            foreach (var e in child.Noise)
            {
                noiseEntries[e.Reason] = noiseEntries.TryGetValue(e.Reason, out var old)
                    ? old with { Count = old.Count + e.Count, Examples = old.Examples.Concat(e.Examples).Distinct(StringComparer.Ordinal).Take(5).ToList(), Members = [.. old.Members, .. e.Members] }
                    : e;
            }
        }
        return new SynthesisDocument
        {
            TotalComments = total,
            NoiseComments = noise,
            DuplicateComments = dups,
            Campaigns = campaigns,
            ByChannel = byChannel,
            Sources = sources,
            Sections = sections.Select(s => Finish(s.Ref, s.Title, s.Groups)).ToList(),
            Noise = noiseEntries.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToList(),
        };
    }

    /// <summary>
    /// Folds new comments into an existing synthesis without redoing it: the batch is synthesised on its
    /// own (duplicates, noise, groups), then each of its groups joins the existing group of the same
    /// section whose words it shares most, or is added as a new group.
    /// </summary>
    public SynthesisDocument Fold(SynthesisDocument existing, IReadOnlyList<CommentInput> comments, string label)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(comments);
        var incoming = new SynthesisEngine(_options).Run(comments).Document;
        // Small batches learn little from themselves: their groups are matched on words against the
        // existing synthesis, which is what Merge does.
        return Merge(existing, [(label, incoming)]);
    }

    private int BestMatch(List<OpinionGroup> groups, TermMap terms)
    {
        int best = -1;
        double bestScore = MergeSimilarity;
        for (int i = 0; i < groups.Count; i++)
        {
            double s = Cosine(groups[i].Terms, terms);
            if (s >= bestScore && (best < 0 || s > bestScore))
            {
                best = i;
                bestScore = s;
            }
        }
        return best;
    }

    internal static double Cosine(TermMap a, TermMap b)
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var (k, v) in a)
        {
            na += v * v;
            if (b.TryGetValue(k, out float w)) dot += v * w;
        }
        foreach (float w in b.Values) nb += w * w;
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    private static OpinionGroup Combine(OpinionGroup a, OpinionGroup b)
    {
        var big = a.Counts.Comments >= b.Counts.Comments ? a : b;
        var terms = new TermMap(a.Terms);
        foreach (var (k, v) in b.Terms) terms[k] = terms.GetValueOrDefault(k) + v;
        return a with
        {
            Representative = big.Representative,
            RepresentativeSources = big.RepresentativeSources,
            KeyPhrases = a.KeyPhrases.Concat(b.KeyPhrases).Distinct(StringComparer.Ordinal).Take(Math.Max(a.KeyPhrases.Count, b.KeyPhrases.Count)).ToList(),
            Counts = Add(a.Counts, b.Counts),
            Members = [.. a.Members, .. b.Members],
            Terms = terms,
            Centroid = [],
        };
    }

    private static GroupCounts Add(GroupCounts a, GroupCounts b)
    {
        static CountMap Sum(CountMap x, CountMap y)
        {
            var r = new CountMap(x);
            foreach (var (k, v) in y) r[k] = r.GetValueOrDefault(k) + v;
            return r;
        }
        return new GroupCounts
        {
            Comments = a.Comments + b.Comments,
            Distinct = a.Distinct + b.Distinct,
            Units = a.Units + b.Units,
            Campaigns = a.Campaigns + b.Campaigns,
            CampaignLetters = a.CampaignLetters + b.CampaignLetters,
            ByChannel = Sum(a.ByChannel, b.ByChannel),
            BySocialGroup = Sum(a.BySocialGroup, b.BySocialGroup),
            ByStance = Sum(a.ByStance, b.ByStance),
        };
    }

    private SectionSynthesis Finish(string reference, string? title, List<OpinionGroup> groups)
    {
        int total = groups.Sum(g => g.Counts.Comments);
        var finished = groups
            .Select(g =>
            {
                double share = total == 0 ? 0 : g.Counts.Comments / (double)total;
                return g with { Share = Math.Round(share, 4), Quantifier = Summaries.Quantifier(_options.Ladder, share, g.Counts.Comments) };
            })
            .OrderByDescending(g => g.Counts.Comments).ThenBy(g => g.Id, StringComparer.Ordinal)
            .ToList();
        return new SectionSynthesis { SectionRef = reference, Title = title, Comments = total, Groups = finished };
    }
}
