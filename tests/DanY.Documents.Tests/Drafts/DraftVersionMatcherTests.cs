using DanY.Documents.Drafts;

namespace DanY.Documents.Tests.Drafts;

public sealed class DraftVersionMatcherTests
{
    private const string Old = """
        # Dự thảo
        ## I. KẾT QUẢ
        ### 1. Về kinh tế
        Tăng trưởng kinh tế bình quân đạt 6,2% mỗi năm, quy mô nền kinh tế tăng đáng kể so với đầu nhiệm kỳ.
        ### 2. Về văn hóa, xã hội
        Giáo dục, y tế có nhiều chuyển biến; an sinh xã hội được bảo đảm, tỷ lệ hộ nghèo giảm nhanh.
        ### 3. Về quốc phòng, an ninh
        Quốc phòng, an ninh được giữ vững; trật tự an toàn xã hội được bảo đảm trên địa bàn.
        ### 4. Về công tác dân vận
        Công tác dân vận được đổi mới, bám sát cơ sở, lắng nghe ý kiến Nhân dân.
        ## II. NHIỆM VỤ
        ### 1. Phát triển kinh tế
        Phát triển kinh tế tư nhân thực sự trở thành động lực quan trọng nhất của nền kinh tế.
        """;

    // Version 2: a new section 1 on institutions pushes the others down, "văn hóa, xã hội" is edited,
    // "công tác dân vận" is removed.
    private const string New = """
        # Dự thảo
        ## I. KẾT QUẢ
        ### 1. Về hoàn thiện thể chế
        Thể chế, pháp luật được hoàn thiện một bước, tháo gỡ nhiều điểm nghẽn cho sản xuất kinh doanh.
        ### 2. Về kinh tế
        Tăng trưởng kinh tế bình quân đạt 6,2% mỗi năm, quy mô nền kinh tế tăng đáng kể so với đầu nhiệm kỳ.
        ### 3. Về văn hóa, xã hội
        Giáo dục, y tế có nhiều chuyển biến tích cực; an sinh xã hội được bảo đảm, tỷ lệ hộ nghèo đa chiều giảm nhanh.
        ### 4. Về quốc phòng, an ninh
        Quốc phòng, an ninh được giữ vững; trật tự an toàn xã hội được bảo đảm trên địa bàn.
        ## II. NHIỆM VỤ
        ### 1. Phát triển kinh tế
        Phát triển kinh tế tư nhân thực sự trở thành động lực quan trọng nhất của nền kinh tế.
        """;

    [Fact]
    public void Renumbered_sections_keep_their_comments_and_changes_are_reported()
    {
        DraftDiff diff = DraftVersionMatcher.Match(MarkdownDraftReader.Parse(Old), MarkdownDraftReader.Parse(New));

        Assert.Equal("I.2", diff.MapOldRef("I.1"));
        Assert.Equal("I.3", diff.MapOldRef("I.2"));
        Assert.Equal("I.4", diff.MapOldRef("I.3"));
        Assert.Null(diff.MapOldRef("I.4"));
        Assert.Equal("II.1", diff.MapOldRef("II.1"));
        Assert.Equal(["I.1"], diff.Added);
        Assert.Equal(["I.4"], diff.Removed);

        SectionMatch economy = diff.Matches.Single(m => m.OldRef == "I.1");
        Assert.Equal(SectionChange.Moved, economy.Change);
        Assert.False(economy.TextChanged);
        SectionMatch social = diff.Matches.Single(m => m.OldRef == "I.2");
        Assert.True(social.TextChanged);
        Assert.InRange(social.Similarity, 0.5, 0.99);
        Assert.Equal(SectionChange.Unchanged, diff.Matches.Single(m => m.OldRef == "II.1").Change);
    }

    [Fact]
    public void Edited_section_with_the_same_ref_is_changed_not_moved()
    {
        string edited = Old.Replace("lắng nghe ý kiến Nhân dân", "lắng nghe, tiếp thu ý kiến của Nhân dân", StringComparison.Ordinal);
        DraftDiff diff = DraftVersionMatcher.Match(MarkdownDraftReader.Parse(Old), MarkdownDraftReader.Parse(edited));
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        SectionMatch m = diff.Matches.Single(x => x.OldRef == "I.4");
        Assert.Equal(SectionChange.Changed, m.Change);
        Assert.Equal(1, diff.Matches.Count(x => x.Change != SectionChange.Unchanged));
    }
}

public sealed class BenchDraftVersionTests
{
    [Fact]
    public void Bench_draft_with_a_section_inserted_in_part_III_keeps_every_section()
    {
        string dir = BenchCorpus.Generate();
        string original = File.ReadAllText(Path.Combine(dir, "draft.md"));
        DraftOutline oldVersion = MarkdownDraftReader.Parse(original);

        // Version 2: no explicit refs, a new section 1 at the head of part III, the rest renumbered.
        var lines = new List<string>();
        bool inPart3 = false;
        foreach (string raw in original.Split('\n'))
        {
            string line = System.Text.RegularExpressions.Regex.Replace(raw, @"\s*\{#[^}]+\}\s*$", "");
            if (line.StartsWith("## ", StringComparison.Ordinal)) inPart3 = line.StartsWith("## PHẦN III", StringComparison.Ordinal);
            if (inPart3)
            {
                var m = System.Text.RegularExpressions.Regex.Match(line, @"^(#{3,4}) (\d+)\.(.*)$");
                if (m.Success)
                {
                    int n = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (m.Groups[1].Value == "###" && n == 1)
                    {
                        lines.Add("### 1. Đổi mới phương thức lãnh đạo của Đảng");
                        lines.Add("");
                        lines.Add("Tiếp tục đổi mới mạnh mẽ phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới.");
                        lines.Add("");
                    }
                    line = $"{m.Groups[1].Value} {n + 1}.{m.Groups[3].Value}";
                }
            }
            lines.Add(line);
        }
        DraftOutline newVersion = MarkdownDraftReader.Parse(string.Join('\n', lines));

        DraftDiff diff = DraftVersionMatcher.Match(oldVersion, newVersion);
        Assert.Equal(["III.1"], diff.Added);
        Assert.Empty(diff.Removed);
        foreach (DraftSection s in oldVersion.Flatten())
        {
            string expected = s.Ref.StartsWith("III.", StringComparison.Ordinal)
                ? "III." + (int.Parse(s.Ref.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture) + 1) + string.Concat(s.Ref.Split('.').Skip(2).Select(x => "." + x))
                : s.Ref;
            Assert.Equal(expected, diff.MapOldRef(s.Ref));
        }
        Assert.All(diff.Matches.Where(m => !m.OldRef.StartsWith("III.", StringComparison.Ordinal)), m => Assert.Equal(SectionChange.Unchanged, m.Change));
        Assert.All(diff.Matches.Where(m => m.OldRef.StartsWith("III.", StringComparison.Ordinal)), m => Assert.Equal(SectionChange.Moved, m.Change));
    }
}
