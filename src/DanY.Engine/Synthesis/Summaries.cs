using DanY.Engine.Text;

namespace DanY.Engine.Synthesis;

/// <summary>Assignments per comment and the synthesis document (sections → groups → counts, wording, sources).</summary>
internal static class Summaries
{
    public static SynthesisResult Build(IReadOnlyList<CommentInput> comments, IReadOnlyList<DraftSection> draft, SynthesisOptions options,
        int[] uniqueOf, int[] firstComment, AnalysedText[] texts, UnionFind dups, NoiseReason[] noise, Grouping grouping,
        TermWeights weights, List<string> sectionRefs, ParallelOptions parallel)
    {
        int n = comments.Count;
        // Roots once: union-find lookups compress paths (writes), and the loops below run in parallel.
        var rootOf = new int[n];
        var dupSize = new int[n];
        for (int i = 0; i < n; i++)
        {
            rootOf[i] = dups.Find(i);
            dupSize[rootOf[i]]++;
        }
        // Duplicate groups of two or more comments; campaigns are those spanning many senders.
        var dupUnits = new Dictionary<int, HashSet<string>>();
        for (int i = 0; i < n; i++)
        {
            int r = rootOf[i];
            if (dupSize[r] < options.CampaignMinSenders) continue;
            if (!dupUnits.TryGetValue(r, out var set)) dupUnits[r] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(comments[i].UnitCode ?? "");
        }
        bool IsCampaign(int root) => dupUnits.TryGetValue(root, out var s) && s.Count >= options.CampaignMinSenders;
        var groupIds = new string[grouping.GroupCount];
        for (int g = 0; g < groupIds.Length; g++) groupIds[g] = GroupId(g);

        var assignments = new CommentAssignment[n];
        var groupMembers = new List<int>[grouping.GroupCount];
        for (int g = 0; g < groupMembers.Length; g++) groupMembers[g] = [];
        int duplicateComments = 0;
        var dupNames = new string?[n];
        for (int i = 0; i < n; i++)
        {
            int root = rootOf[i];
            if (dupSize[root] < 2) continue;
            dupNames[root] ??= "D" + comments[root].Id;
            if (root != i) duplicateComments++;
        }
        Parallel.For(0, n, parallel, () => new List<string>(), (i, _, pointGroups) =>
        {
            int u = uniqueOf[i];
            pointGroups.Clear();
            foreach (var p in grouping.DocPoints[u])
            {
                string id = groupIds[grouping.PointGroupOf(p)];
                if (!pointGroups.Contains(id)) pointGroups.Add(id);
            }
            int main = grouping.DocGroup[u];
            assignments[i] = new CommentAssignment(comments[i].Id, main >= 0 ? groupIds[main] : null, dupNames[rootOf[i]], noise[i], pointGroups.ToArray());
            return pointGroups;
        }, _ => { });
        var seenGroups = new HashSet<int>();
        for (int i = 0; i < n; i++)
        {
            if (noise[i] != NoiseReason.None) continue;
            seenGroups.Clear();
            foreach (var p in grouping.DocPoints[uniqueOf[i]])
            {
                int g = grouping.PointGroupOf(p);
                if (seenGroups.Add(g)) groupMembers[g].Add(i);
            }
        }

        // Section of a group: where its comments were filed most often ("" = the whole document).
        var groupSection = new string[grouping.GroupCount];
        for (int g = 0; g < grouping.GroupCount; g++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (int i in groupMembers[g])
            {
                // A campaign counts once here: its letters are one opinion, wherever they were filed.
                int root = rootOf[i];
                if (root != i && IsCampaign(root)) continue;
                string s = comments[i].SectionRef?.Trim() ?? "";
                counts[s] = counts.GetValueOrDefault(s) + 1;
            }
            groupSection[g] = counts.Count == 0 ? "" : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        }

        // The most common wordings of each group: their words describe the group for later merges.
        var topPoints = new List<int>[grouping.GroupCount];
        for (int g = 0; g < topPoints.Length; g++) topPoints[g] = [];
        var byCount = Enumerable.Range(0, grouping.PointGroup.Length).OrderByDescending(d => grouping.PointCount[d]).ThenBy(d => d);
        foreach (int d in byCount)
        {
            var list = topPoints[grouping.PointGroup[d]];
            if (list.Count < 8) list.Add(d);
        }

        var titles = draft.ToDictionary(d => d.Ref, d => d.Title, StringComparer.Ordinal);
        var sectionOrder = new List<string> { "" };
        sectionOrder.AddRange(draft.Select(d => d.Ref));
        foreach (string s in groupSection.Where(s => !sectionOrder.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            sectionOrder.Add(s);
        }
        var sections = new List<SectionSynthesis>();
        foreach (string section in sectionOrder)
        {
            var groupsHere = Enumerable.Range(0, grouping.GroupCount)
                .Where(g => groupMembers[g].Count > 0 && string.Equals(groupSection[g], section, StringComparison.Ordinal) && !grouping.OffTopic[g])
                .ToList();
            if (groupsHere.Count == 0) continue;
            var sectionComments = new HashSet<int>();
            foreach (int g in groupsHere) sectionComments.UnionWith(groupMembers[g]);
            var built = new OpinionGroup[groupsHere.Count];
            int sectionTotal = sectionComments.Count;
            Parallel.For(0, groupsHere.Count, parallel, x =>
            {
                int g = groupsHere[x];
                built[x] = BuildGroup(g, groupMembers[g], sectionTotal, comments, options, firstComment, texts, rootOf, grouping, weights, IsCampaign, section, topPoints[g]);
            });
            var ordered = built.OrderByDescending(x => x.Counts.Comments).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
            sections.Add(new SectionSynthesis
            {
                SectionRef = section,
                Title = section.Length == 0 ? "Toàn bộ dự thảo" : titles.GetValueOrDefault(section),
                Comments = sectionComments.Count,
                Groups = ordered,
            });
        }

        var noiseEntries = new List<NoiseEntry>();
        foreach (var reason in new[] { NoiseReason.Empty, NoiseReason.Spam, NoiseReason.FormulaOnly, NoiseReason.OffTopic })
        {
            var members = Enumerable.Range(0, n).Where(i => noise[i] == reason).ToList();
            if (members.Count == 0) continue;
            var examples = members.Select(i => comments[i].Text).Distinct(StringComparer.Ordinal).Take(5)
                .Select(t => Clip(VietnameseText.CollapseWhitespace(VietnameseText.Normalize(t)), 200)).ToList();
            noiseEntries.Add(new NoiseEntry(reason, members.Count, examples, members.Select(i => comments[i].Id).ToList()));
        }

        var byChannel = new CountMap();
        foreach (var c in comments) Increment(byChannel, c.Channel);
        var document = new SynthesisDocument
        {
            TotalComments = n,
            NoiseComments = noise.Count(r => r != NoiseReason.None),
            DuplicateComments = duplicateComments,
            Campaigns = dupUnits.Keys.Count(IsCampaign),
            ByChannel = byChannel,
            Sections = sections,
            Noise = noiseEntries,
        };
        return new SynthesisResult(document, assignments, new SynthesisTimings([]));
    }

    internal static string GroupId(int g) => "G" + (g + 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    private static OpinionGroup BuildGroup(int g, List<int> members, int sectionTotal, IReadOnlyList<CommentInput> comments, SynthesisOptions options,
        int[] firstComment, AnalysedText[] texts, int[] rootOf, Grouping grouping, TermWeights weights, Func<int, bool> isCampaign, string section, List<int> topPoints)
    {
        var byChannel = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySocialGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var byStance = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new HashSet<int>();
        var campaigns = new HashSet<int>();
        int letters = 0;
        foreach (int i in members)
        {
            var c = comments[i];
            units.Add(c.UnitCode ?? "");
            int root = rootOf[i];
            distinct.Add(root);
            if (isCampaign(root))
            {
                campaigns.Add(root);
                letters++;
            }
            Increment(byChannel, c.Channel);
            Increment(bySocialGroup, c.Group);
            Increment(byStance, c.Stance);
        }
        var counts = new GroupCounts
        {
            ByChannel = new CountMap(byChannel),
            BySocialGroup = new CountMap(bySocialGroup),
            ByStance = new CountMap(byStance),
            Comments = members.Count,
            Distinct = distinct.Count,
            Units = units.Count,
            Campaigns = campaigns.Count,
            CampaignLetters = letters,
        };
        // Representative: the group's most common wording, in its most common form written with diacritics.
        int leader = grouping.GroupLeader[g];
        int doc = grouping.PointFirstDoc[leader];
        string representative = PointText(leader, grouping, texts, comments, firstComment);
        // The leader's sentence can have been set aside in its first comment: quote the next most common wording.
        foreach (int d in topPoints)
        {
            if (representative.Trim().Length > 0) break;
            representative = PointText(d, grouping, texts, comments, firstComment);
            doc = grouping.PointFirstDoc[d];
        }
        representative = VietnameseText.CollapseWhitespace(VietnameseText.Normalize(representative));
        if (representative.Length > 0) representative = char.ToUpper(representative[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + representative[1..];
        double share = sectionTotal == 0 ? 0 : members.Count / (double)sectionTotal;
        return new OpinionGroup
        {
            Id = GroupId(g),
            SectionRef = section,
            Representative = representative,
            RepresentativeSources = [comments[firstComment[doc]].Id],
            KeyPhrases = KeyPhrases(representative, weights, options.KeyPhrases),
            Quantifier = Quantifier(options.Ladder, share, members.Count),
            Counts = counts,
            Share = Math.Round(share, 4),
            Members = members.Select(i => comments[i].Id).ToList(),
            Centroid = [],
            Terms = Terms(topPoints.Select(d => PointText(d, grouping, texts, comments, firstComment)).Prepend(representative), weights),
        };
    }

    internal static string Quantifier(IReadOnlyList<QuantifierRung> ladder, double share, int count)
    {
        foreach (var rung in ladder)
        {
            if (share >= rung.MinShare && count >= rung.MinCount) return rung.Phrase;
        }
        return ladder.Count > 0 ? ladder[^1].Phrase : "";
    }

    /// <summary>Adjacent word pairs of the representative wording, heaviest first, as written (NFC, lower case).</summary>
    internal static IReadOnlyList<string> KeyPhrases(string text, TermWeights weights, int k)
    {
        var tokens = VietnameseTokenizer.Tokenize(text).Where(t => t.Kind == TokenKind.Word).ToList();
        var scored = new List<(string Phrase, float Score, int Position)>();
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i + 1].Start - (tokens[i].Start + tokens[i].Length) > 1) continue; // punctuation between
            string a = text.Substring(tokens[i].Start, tokens[i].Length), b = text.Substring(tokens[i + 1].Start, tokens[i + 1].Length);
            float w = Math.Min(weights.Weight(weights.IdOf(StableHash.Chars(VietnameseText.Fold(a)))), weights.Weight(weights.IdOf(StableHash.Chars(VietnameseText.Fold(b)))));
            scored.Add(((a + " " + b).ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), w, i));
        }
        // Heaviest first, never two phrases sharing a syllable ("bối cảnh", not also "cảnh cạnh").
        var used = new HashSet<int>();
        var phrases = new List<string>();
        foreach (var candidate in scored.OrderByDescending(s => s.Score).ThenBy(s => s.Position))
        {
            if (phrases.Count >= k) break;
            if (used.Contains(candidate.Position) || used.Contains(candidate.Position + 1) || phrases.Contains(candidate.Phrase, StringComparer.Ordinal)) continue;
            used.Add(candidate.Position);
            used.Add(candidate.Position + 1);
            phrases.Add(candidate.Phrase);
        }
        return phrases;
    }

    internal static string PointText(int distinct, Grouping grouping, AnalysedText[] texts, IReadOnlyList<CommentInput> comments, int[] firstComment)
    {
        int doc = grouping.PointFirstDoc[distinct];
        foreach (var p in grouping.AllDocPoints[doc])
        {
            if (p.Distinct != distinct) continue;
            var t = texts[doc];
            int start = t.ClauseSpans[2 * p.FirstClause], end = t.ClauseSpans[2 * p.LastClause + 1];
            return comments[firstComment[doc]].Text[start..end];
        }
        return "";
    }

    /// <summary>Folded words of a group's wordings with their corpus weights: what later merges compare.</summary>
    internal static TermMap Terms(IEnumerable<string> texts, TermWeights weights)
    {
        var terms = new TermMap();
        foreach (string text in texts)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in VietnameseTokenizer.Tokenize(text))
            {
                if (t.Kind != TokenKind.Word) continue;
                string folded = VietnameseText.Fold(text.Substring(t.Start, t.Length));
                float w = weights.Weight(weights.IdOf(StableHash.Chars(folded)));
                if (w > 0 && seen.Add(folded)) terms[folded] = MathF.Round(terms.GetValueOrDefault(folded) + w, 4);
            }
        }
        return terms;
    }

    private static void Increment(Dictionary<string, int> counts, string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return;
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
    }

    private static void Increment(CountMap counts, string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return;
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
