using DanY.Engine.Synthesis;

namespace DanY.Engine.Tests.Synthesis;

public sealed class FoldMatcherTests
{
    private static string Majority(OpinionGroup group, Dictionary<string, string> truth) =>
        group.Members.GroupBy(m => truth[m]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    [Fact]
    public void Batch_groups_join_the_stored_group_of_the_same_opinion_and_the_matching_is_deterministic()
    {
        var (a, truthA) = TestCorpus.Build(40, seed: 51);
        var (b, truthB) = TestCorpus.Build(8, seed: 52, idOffset: 90_000);
        var truth = a.Select((c, i) => (c.Id, truthA[i])).Concat(b.Select((c, i) => (c.Id, truthB[i]))).ToDictionary(x => x.Id, x => x.Item2, StringComparer.Ordinal);
        var stored = new SynthesisEngine().Run(a, TestCorpus.Draft).Document.Sections.SelectMany(s => s.Groups).ToList();
        var batch = new SynthesisEngine().Run(b, TestCorpus.Draft).Document;
        var targets = stored.Select(g => new FoldTarget(g.SectionRef, g.Terms)).ToList();

        var matches = FoldMatcher.Match(targets, batch);
        var again = FoldMatcher.Match(targets, batch);
        Assert.Equal(matches.OrderBy(kv => kv.Key, StringComparer.Ordinal), again.OrderBy(kv => kv.Key, StringComparer.Ordinal));

        var batchGroups = batch.Sections.SelectMany(s => s.Groups).ToList();
        int matchedComments = 0, rightComments = 0;
        foreach (var g in batchGroups)
        {
            if (!matches.TryGetValue(g.Id, out int index)) continue;
            Assert.Equal(stored[index].SectionRef, g.SectionRef);
            matchedComments += g.Members.Count;
            if (string.Equals(Majority(g, truth), Majority(stored[index], truth), StringComparison.Ordinal)) rightComments += g.Members.Count;
        }
        // Nearly all of the batch repeats opinions already stored: it joins them, and joins the right ones.
        int batchComments = batchGroups.Sum(g => g.Members.Count);
        Assert.True(matchedComments >= 0.8 * batchComments, $"{matchedComments} of {batchComments} matched");
        Assert.True(rightComments >= 0.95 * matchedComments, $"{rightComments} of {matchedComments} matched to the right opinion");
    }

    [Fact]
    public void Groups_never_join_another_section_and_groups_without_words_are_not_targets()
    {
        var (a, _) = TestCorpus.Build(30, seed: 61);
        var stored = new SynthesisEngine().Run(a, TestCorpus.Draft).Document.Sections.SelectMany(s => s.Groups).ToList();
        var batch = new SynthesisEngine().Run(TestCorpus.Build(6, seed: 62, idOffset: 80_000).Comments, TestCorpus.Draft).Document;
        var elsewhere = stored.Select(g => new FoldTarget("không-có-mục-này", g.Terms)).ToList();
        Assert.Empty(FoldMatcher.Match(elsewhere, batch));
        var wordless = stored.Select(g => new FoldTarget(g.SectionRef, new TermMap())).ToList();
        Assert.Empty(FoldMatcher.Match(wordless, batch));
    }

    [Fact]
    public void Combined_words_add_their_weights()
    {
        var a = new TermMap { ["luong"] = 1.5f, ["huu"] = 1f };
        var b = new TermMap { ["luong"] = 0.5f, ["tang"] = 2f };
        var c = FoldMatcher.Combine(a, b);
        Assert.Equal(2f, c["luong"]);
        Assert.Equal(1f, c["huu"]);
        Assert.Equal(2f, c["tang"]);
        Assert.Equal(2, a.Count);
    }
}
