using System.Text;
using DanY.Engine.Text;

namespace DanY.Engine.Tests.Text;

public sealed class SentenceGathererTests
{
    [Fact]
    public void Same_concern_from_two_units_is_gathered_across_tone_placement_and_NFD()
    {
        var gathered = SentenceGatherer.Gather(
        [
            ("Phường A", "Nhân dân lo ngại giá điện tăng cao. Đề nghị sửa đường liên thôn."),
            ("Xã B", "- nhân dân lo ngại giá điện tăng cao\n- Cần thêm trường mầm non cho con em công nhân."),
            ("Xã C", "Nhân dân lo ngại giá điện tăng cao.".Normalize(NormalizationForm.FormD)),
        ]);

        Assert.Equal(3, gathered.Count);
        var electricity = Assert.Single(gathered, g => g.Sentence.StartsWith("Nhân dân lo ngại", StringComparison.Ordinal));
        Assert.Equal(["Phường A", "Xã B", "Xã C"], electricity.Sources);
        Assert.Single(gathered, g => g.Sources.SequenceEqual(["Phường A"]));
        Assert.Single(gathered, g => g.Sources.SequenceEqual(["Xã B"]) && g.Sentence.Contains("mầm non", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_that_repeats_itself_is_named_once()
    {
        var gathered = SentenceGatherer.Gather([("Xã B", "Thiếu cán bộ y tế ở trạm xá. Thiếu cán bộ y tế ở trạm xá!")]);
        Assert.Equal(["Xã B"], Assert.Single(gathered).Sources);
    }

    [Fact]
    public void Different_requests_stay_apart()
    {
        var gathered = SentenceGatherer.Gather(
        [
            ("A", "Đề nghị tăng lương hưu cho cán bộ về hưu trước năm 1995."),
            ("B", "Đề nghị giảm học phí cho học sinh vùng khó khăn."),
        ]);
        Assert.Equal(2, gathered.Count);
    }
}
