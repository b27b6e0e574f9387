using System.Text.Json;
using DanY.Engine.Synthesis;

namespace DanY.Engine.Tests.Synthesis;

public sealed class SynthesisMergerTests
{
    [Fact]
    public void Child_syntheses_merge_into_the_parent_same_meaning_groups_merge_and_counts_add()
    {
        var (a, _) = TestCorpus.Build(50, seed: 21);
        var (b, _) = TestCorpus.Build(50, seed: 22, idOffset: 10_000);
        var engine = new SynthesisEngine();
        var da = engine.Run(a, TestCorpus.Draft).Document;
        var db = engine.Run(b, TestCorpus.Draft).Document;
        var empty = new SynthesisDocument { Sections = [], Noise = [] };
        var merged = new SynthesisMerger().Merge(empty, [("X1", da), ("X2", db)]);

        Assert.Equal(a.Count + b.Count, merged.TotalComments);
        Assert.Equal(["X1", "X2"], merged.Sources);
        int groupsA = da.Sections.Sum(s => s.Groups.Count), groupsB = db.Sections.Sum(s => s.Groups.Count);
        int groupsMerged = merged.Sections.Sum(s => s.Groups.Count);
        Assert.True(groupsMerged < groupsA + groupsB, $"{groupsMerged} vs {groupsA}+{groupsB}");
        // Counts add: every member of every child group is in exactly one merged group.
        var childMembers = da.Sections.Concat(db.Sections).SelectMany(s => s.Groups).SelectMany(g => g.Members).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var mergedMembers = merged.Sections.SelectMany(s => s.Groups).SelectMany(g => g.Members).OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.Equal(childMembers, mergedMembers);
        Assert.Equal(merged.Sections.SelectMany(s => s.Groups).Sum(g => g.Counts.Comments), mergedMembers.Count);
        // The same opinion from both halves ends up in one group.
        var pensionA = da.Sections.SelectMany(s => s.Groups).OrderByDescending(g => g.Counts.Comments).First(g => g.SectionRef == "I.1");
        var holder = merged.Sections.SelectMany(s => s.Groups).Single(g => g.Members.Contains(pensionA.Members[0]));
        Assert.Contains(holder.Members, m => m.Length == 5); // an id from the second half (10001..)
    }

    [Fact]
    public void New_comments_fold_into_an_existing_synthesis()
    {
        var (a, _) = TestCorpus.Build(50, seed: 31);
        var existing = new SynthesisEngine().Run(a, TestCorpus.Draft).Document;
        var (b, _) = TestCorpus.Build(10, seed: 32, idOffset: 50_000);
        var folded = new SynthesisMerger().Fold(existing, b, "đợt 2");
        Assert.Equal(a.Count + b.Count, folded.TotalComments);
        int before = existing.Sections.SelectMany(s => s.Groups).Max(g => g.Counts.Comments);
        int after = folded.Sections.SelectMany(s => s.Groups).Max(g => g.Counts.Comments);
        Assert.True(after > before);
        Assert.Contains("đợt 2", folded.Sources);
    }

    [Fact]
    public void A_synthesis_round_trips_through_System_Text_Json()
    {
        var (a, _) = TestCorpus.Build(30, seed: 41);
        var doc = new SynthesisEngine().Run(a, TestCorpus.Draft).Document;
        string json = JsonSerializer.Serialize(doc);
        var back = JsonSerializer.Deserialize<SynthesisDocument>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(doc.EngineVersion, back.EngineVersion);
    }
}
