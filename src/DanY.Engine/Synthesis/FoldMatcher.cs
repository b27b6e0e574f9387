namespace DanY.Engine.Synthesis;

/// <summary>A group of a stored synthesis that new comments may join: its section and weighted folded words.</summary>
public sealed record FoldTarget(string SectionRef, TermMap Terms);

/// <summary>
/// Incremental folding against a stored synthesis: the groups of a batch of new comments (synthesised
/// on their own) are matched to the stored groups of the same section on their words, the way
/// <see cref="SynthesisMerger"/> merges syntheses. Unlike <see cref="SynthesisMerger.Fold"/> it returns
/// the matching itself, so that a store can add members and counts to the groups it already has (and
/// keep every staff edit made to them) instead of rebuilding the document.
/// </summary>
public static class FoldMatcher
{
    /// <summary>
    /// For each incoming group id, the index in <paramref name="targets"/> of the group it joins; groups
    /// that match nothing are absent (they become new groups). Deterministic: the best cosine wins, ties
    /// go to the lower index, so the same stored groups and batch always give the same matching.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Match(IReadOnlyList<FoldTarget> targets, SynthesisDocument incoming, double similarity = 0.5)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(incoming);
        var bySection = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < targets.Count; i++)
        {
            if (targets[i].Terms.Count == 0) continue;
            if (!bySection.TryGetValue(targets[i].SectionRef, out var list)) bySection[targets[i].SectionRef] = list = [];
            list.Add(i);
        }
        var matches = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in incoming.Sections)
        {
            if (!bySection.TryGetValue(section.SectionRef, out var candidates)) continue;
            foreach (var group in section.Groups)
            {
                int best = -1;
                double bestScore = similarity;
                foreach (int i in candidates)
                {
                    double s = SynthesisMerger.Cosine(targets[i].Terms, group.Terms);
                    if (s > bestScore || (s >= bestScore && best < 0))
                    {
                        best = i;
                        bestScore = s;
                    }
                }
                if (best >= 0) matches[group.Id] = best;
            }
        }
        return matches;
    }

    /// <summary>The words of a group after it absorbed another's: weights add, as in a merge.</summary>
    public static TermMap Combine(TermMap existing, TermMap incoming)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        var terms = new TermMap(existing);
        foreach (var (k, v) in incoming) terms[k] = MathF.Round(terms.GetValueOrDefault(k) + v, 4);
        return terms;
    }
}
