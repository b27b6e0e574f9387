using DanY.Documents.Drafts;

namespace DanY.Documents.Tests.Drafts;

public sealed class HeadingNumberingTests
{
    [Theory]
    [InlineData("Phần thứ nhất", NumberingKind.Part, 1, "")]
    [InlineData("PHẦN THỨ TƯ: TỔ CHỨC THỰC HIỆN", NumberingKind.Part, 4, "TỔ CHỨC THỰC HIỆN")]
    [InlineData("PHẦN II. BỐI CẢNH", NumberingKind.Part, 2, "BỐI CẢNH")]
    [InlineData("Chương 3 - Điều khoản thi hành", NumberingKind.Part, 3, "Điều khoản thi hành")]
    [InlineData("IV. NHIỆM VỤ", NumberingKind.Roman, 4, "NHIỆM VỤ")]
    [InlineData("II- KẾT QUẢ", NumberingKind.Roman, 2, "KẾT QUẢ")]
    [InlineData("3. Về văn hóa", NumberingKind.Arabic, 3, "Về văn hóa")]
    [InlineData("2.1. Chuyển đổi số", NumberingKind.Arabic, 2, "Chuyển đổi số")]
    [InlineData("2.1 Chuyển đổi số", NumberingKind.Arabic, 2, "Chuyển đổi số")]
    [InlineData("1- Về kinh tế", NumberingKind.Arabic, 1, "Về kinh tế")]
    [InlineData("đ) Về môi trường", NumberingKind.Letter, 0, "Về môi trường")]
    public void Recognises_vietnamese_numbering(string text, NumberingKind kind, int first, string rest)
    {
        HeadingLabel? label = HeadingNumbering.TryParse(text);
        Assert.NotNull(label);
        Assert.Equal(kind, label.Kind);
        if (kind != NumberingKind.Letter) Assert.Equal(first, label.Numbers[0]);
        Assert.Equal(rest, label.Rest);
    }

    [Theory]
    [InlineData("2025 là năm bản lề")]
    [InlineData("3.000 km đường cao tốc")]
    [InlineData("Phần lớn ý kiến tán thành")]
    [InlineData("Ông A. Nguyễn")]
    [InlineData("IIII. Sai số La Mã")]
    public void Ordinary_text_is_not_a_heading(string text) => Assert.Null(HeadingNumbering.TryParse(text));
}
