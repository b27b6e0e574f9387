using System.Text;
using System.Text.Json;
using DanY.Engine.Synthesis;

namespace DanY.Engine.Tests.Synthesis;

public sealed class SynthesisEngineTests
{
    private static CommentInput Comment(string id, string text, string unit = "X00001", string group = "nông dân", string? section = "I.1", DateTimeOffset? at = null) =>
        new(id, section, unit, "online", group, null, at ?? new DateTimeOffset(2025, 10, 20, 9, 0, 0, TimeSpan.FromHours(7)), text);

    [Fact]
    public void Exact_duplicates_ignore_unicode_form_case_and_spacing_but_not_tone_placement()
    {
        string text = "Đề nghị tăng cường hòa giải ở cơ sở cho bà con.";
        var comments = new List<CommentInput>
        {
            Comment("1", text),
            Comment("2", text.Normalize(NormalizationForm.FormD).ToUpperInvariant(), unit: "X00009", group: "công nhân"),
            Comment("3", "  " + text.Replace(" ", "   ", StringComparison.Ordinal), unit: "X00010", group: "trí thức"),
            Comment("4", "Nội dung hoàn toàn khác về giao thông nông thôn và đường liên xã.", unit: "X00011"),
        };
        var result = new SynthesisEngine().Run(comments);
        var a = result.Assignments;
        Assert.NotNull(a[0].DuplicateGroup);
        Assert.Equal(a[0].DuplicateGroup, a[1].DuplicateGroup);
        Assert.Equal(a[0].DuplicateGroup, a[2].DuplicateGroup);
        Assert.Null(a[3].DuplicateGroup);
    }

    [Fact]
    public void A_resubmission_with_a_prefix_from_the_same_sender_is_a_near_duplicate()
    {
        string text = "Đề nghị đầu tư hệ thống thủy lợi kiểm soát mặn, trữ ngọt cho bà con nông dân vùng ven biển đồng bằng sông Cửu Long";
        var comments = new List<CommentInput>
        {
            Comment("1", text, unit: "X00005"),
            Comment("2", "Tôi xin gửi lại ý kiến: " + text, unit: "X00005"),
            Comment("3", "Cần sớm làm đường giao thông liên xã vùng cao, hiện đang xuống cấp nghiêm trọng sau mùa mưa", unit: "X00006"),
        };
        var a = new SynthesisEngine().Run(comments).Assignments;
        Assert.NotNull(a[0].DuplicateGroup);
        Assert.Equal(a[0].DuplicateGroup, a[1].DuplicateGroup);
        Assert.Null(a[2].DuplicateGroup);
    }

    [Fact]
    public void A_campaign_from_many_senders_in_a_burst_is_one_duplicate_group_and_is_counted()
    {
        string letter = "Chúng tôi, hội viên hội cựu chiến binh, thống nhất kiến nghị như sau: đề nghị tăng mức trợ cấp cho thương binh, bệnh binh và thân nhân liệt sĩ, "
            + "sớm giải quyết chế độ cho người tham gia kháng chiến còn thiếu giấy tờ, quan tâm chăm sóc sức khỏe cựu chiến binh cao tuổi, neo đơn. Kính mong Ban soạn thảo xem xét.";
        var start = new DateTimeOffset(2025, 10, 25, 8, 0, 0, TimeSpan.FromHours(7));
        var comments = new List<CommentInput>();
        for (int i = 0; i < 30; i++)
        {
            comments.Add(Comment((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), letter + $"\nNgười góp ý: Hội viên số {i + 1}, chi hội {i % 7 + 1}, ngày {25 + i % 3}/10/2025",
                unit: $"X{i:D5}", group: "cựu chiến binh", section: "II.1", at: start.AddHours(i)));
        }
        comments.Add(Comment("100", "Cần có chính sách thu hút giáo viên về công tác tại vùng sâu vùng xa, hỗ trợ nhà ở công vụ.", unit: "X09999"));
        var result = new SynthesisEngine().Run(comments);
        var groups = result.Assignments.Take(30).Select(a => a.DuplicateGroup).Distinct().ToList();
        Assert.Single(groups);
        Assert.NotNull(groups[0]);
        Assert.Null(result.Assignments[30].DuplicateGroup);
        Assert.Equal(1, result.Document.Campaigns);
    }

    [Fact]
    public void Spam_and_empty_comments_are_set_aside_with_a_reason_and_listed()
    {
        var (comments, _) = TestCorpus.Build(30, seed: 3);
        var result = new SynthesisEngine().Run(comments);
        Assert.Equal(NoiseReason.Spam, result.Assignments[^2].Noise);
        Assert.Equal(NoiseReason.Empty, result.Assignments[^1].Noise);
        var listed = result.Document.Noise.SelectMany(n => n.Members).ToHashSet();
        Assert.Contains(comments[^1].Id, listed);
        Assert.Contains(comments[^2].Id, listed);
    }

    [Fact]
    public void Opinions_are_grouped_without_being_told_how_many_and_groups_do_not_mix_them()
    {
        var (comments, truth) = TestCorpus.Build(60, seed: 11);
        var result = new SynthesisEngine().Run(comments, TestCorpus.Draft);
        var byGroup = new Dictionary<string, Dictionary<string, int>>();
        for (int i = 0; i < comments.Count; i++)
        {
            var a = result.Assignments[i];
            if (truth[i].Length == 0 || a.GroupId is null || a.Noise != NoiseReason.None) continue;
            if (!byGroup.TryGetValue(a.GroupId, out var c)) byGroup[a.GroupId] = c = [];
            c[truth[i]] = c.GetValueOrDefault(truth[i]) + 1;
        }
        // Every sizeable group holds one opinion.
        foreach (var c in byGroup.Values.Where(c => c.Values.Sum() >= 5))
        {
            Assert.True(c.Values.Max() >= 0.9 * c.Values.Sum(), string.Join(", ", c.Select(kv => $"{kv.Key}:{kv.Value}")));
        }
        // Each opinion has a main group holding most of it.
        foreach (var (key, _, _, _) in TestCorpus.Opinions)
        {
            int total = truth.Count(t => t == key);
            int best = byGroup.Values.Max(c => c.GetValueOrDefault(key));
            Assert.True(best >= 0.5 * total, $"{key}: {best}/{total}");
        }
    }

    [Fact]
    public void A_comment_with_several_points_is_split_and_each_point_is_grouped()
    {
        var (comments, _) = TestCorpus.Build(40, seed: 5);
        comments.Add(new CommentInput("multi", "I.1", "X00077", "written", "nông dân", null, null,
            "1. Đề nghị tăng lương hưu cho người cao tuổi ở nông thôn.\n2. Xử lý nghiêm cán bộ tham nhũng, thu hồi hết tài sản tham nhũng."));
        var result = new SynthesisEngine().Run(comments);
        var multi = result.Assignments[^1];
        Assert.Equal(2, multi.PointGroups.Distinct().Count());
        var pension = result.Assignments.First(a => a.Id == "1").GroupId;
        Assert.Equal(pension, multi.GroupId);
    }

    [Fact]
    public void Output_is_deterministic_and_records_the_engine_version()
    {
        var (comments, _) = TestCorpus.Build(40, seed: 7);
        var one = new SynthesisEngine(SynthesisOptions.Default with { MaxDegreeOfParallelism = 1 }).Run(comments, TestCorpus.Draft);
        var two = new SynthesisEngine(SynthesisOptions.Default with { MaxDegreeOfParallelism = 4 }).Run(comments, TestCorpus.Draft);
        Assert.Equal(JsonSerializer.Serialize(one.Document), JsonSerializer.Serialize(two.Document));
        Assert.Equal(one.Assignments, two.Assignments, (x, y) => x.Id == y.Id && x.GroupId == y.GroupId && x.DuplicateGroup == y.DuplicateGroup && x.Noise == y.Noise);
        Assert.Equal(EngineInfo.Version, one.Document.EngineVersion);
    }

    [Fact]
    public void Output_does_not_depend_on_the_thread_count_across_clustering_batches()
    {
        // Enough distinct points for several leader-clustering batches, near-duplicate chunks and parallel summaries.
        var (comments, _) = TestCorpus.Build(300, seed: 11);
        string Run(int threads)
        {
            var result = new SynthesisEngine(SynthesisOptions.Default with { MaxDegreeOfParallelism = threads }).Run(comments, TestCorpus.Draft);
            return JsonSerializer.Serialize(result.Document) + string.Join('|', result.Assignments.Select(a => $"{a.Id},{a.GroupId},{a.DuplicateGroup},{a.Noise}"));
        }
        string single = Run(1);
        Assert.Equal(single, Run(2));
        Assert.Equal(single, Run(3));
    }

    [Fact]
    public void Summaries_quote_real_wording_with_counts_and_a_quantifier()
    {
        var (comments, _) = TestCorpus.Build(50, seed: 9);
        var doc = new SynthesisEngine().Run(comments, TestCorpus.Draft).Document;
        var texts = comments.Select(c => VietnameseTextOf(c.Text)).ToList();
        var groups = doc.Sections.SelectMany(s => s.Groups).ToList();
        Assert.NotEmpty(groups);
        foreach (var g in groups)
        {
            Assert.False(string.IsNullOrWhiteSpace(g.Representative), g.Id);
            Assert.NotEmpty(g.Terms);
            Assert.Contains(texts, t => t.Contains(VietnameseTextOf(g.Representative), StringComparison.Ordinal));
            Assert.Equal(g.Members.Count, g.Counts.Comments);
            Assert.Contains(g.Quantifier, SynthesisOptions.Default.Ladder.Select(r => r.Phrase));
            Assert.True(g.Counts.Units >= 1);
        }
        var ordered = doc.Sections.Select(s => s.SectionRef).Where(r => r.Length > 0).ToList();
        var draftOrder = TestCorpus.Draft.Select(d => d.Ref).Where(ordered.Contains).ToList();
        Assert.Equal(draftOrder, ordered);
    }

    private static string VietnameseTextOf(string s) => DanY.Engine.Text.VietnameseText.Fold(s).Replace(" ", "", StringComparison.Ordinal);

    [Theory]
    [InlineData(0.95, 100, "thống nhất cao")]
    [InlineData(0.6, 100, "đa số ý kiến")]
    [InlineData(0.1, 3, "một số ý kiến")]
    [InlineData(0.01, 1, "ý kiến cá biệt")]
    public void Quantifier_ladder_is_applied_with_raw_counts(double share, int count, string phrase)
    {
        Assert.Equal(phrase, Summaries.Quantifier(SynthesisOptions.Default.Ladder, share, count));
    }
}
