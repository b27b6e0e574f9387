using DanY.Documents.Drafts;
using DanY.Documents.Intake;
using DanY.Documents.Reports;

namespace DanY.Documents.Tests.Reports;

public sealed class ReportTextTests
{
    [Fact]
    public void Numbers_use_vietnamese_separators()
    {
        Assert.Equal("1.832", ReportText.Number(1832));
        Assert.Equal("14.000.000", ReportText.Number(14_000_000));
        Assert.Equal("61,2%", ReportText.Percent(1832, 2994));
        Assert.Equal("100%", ReportText.Percent(5, 5));
        Assert.Equal("0%", ReportText.Percent(1, 0));
        Assert.Equal("2.731/2.994 ý kiến", ReportText.Ratio(2731, 2994));
    }

    [Fact]
    public void Draft_sections_feed_the_intake_template()
    {
        DraftOutline outline = MarkdownDraftReader.Parse("## I. KẾT QUẢ\n### 1. Về kinh tế\nNội dung.\n");
        Assert.Equal([new IntakeSection("I", "I. KẾT QUẢ"), new IntakeSection("I.1", "1. Về kinh tế")], IntakeVocabulary.SectionsOf(outline));
        Assert.Equal("partly", IntakeVocabulary.Code(IntakeStance.Partly));
    }
}
