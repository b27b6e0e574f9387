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
