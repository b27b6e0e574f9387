using System.Text;
using DanY.Engine.Text;

namespace DanY.Engine.Tests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("hoà bình", "hòa bình")]
    [InlineData("thuỷ lợi", "thủy lợi")]
    [InlineData("uỷ ban", "ủy ban")]
    [InlineData("khoẻ mạnh", "khỏe mạnh")]
    [InlineData("qủa", "quả")]
    [InlineData("lựơng", "lượng")]
    [InlineData("nghịêm", "nghiệm")]
    [InlineData("hoàn thành", "hoàn thành")]
    [InlineData("người", "người")]
    [InlineData("Ðảm baỏ", "Đảm bảo")]
    public void Normalize_places_tone_marks_traditionally(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Normalize(input));
        Assert.Equal(expected, VietnameseText.Normalize(input.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Fold_removes_diacritics_and_folds_d()
    {
        Assert.Equal("de nghi tang luong huu", VietnameseText.Fold("Đề nghị tăng lương hưu"));
    }
}
