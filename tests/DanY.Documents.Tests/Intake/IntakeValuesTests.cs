using System.Text;
using DanY.Documents.Intake;

namespace DanY.Documents.Tests.Intake;

/// <summary>Rows given as values (the JSON form of the intake API) are checked like an uploaded sheet.</summary>
public sealed class IntakeValuesTests
{
    private static readonly IntakeOptions Options = new(IntakeTemplateTests.Sections) { SocialGroups = null };

    [Fact]
    public void Values_and_a_csv_with_the_same_rows_give_the_same_row_hashes()
    {
        IReadOnlyList<string?>[] values =
        [
            ["I.1", "Đề nghị làm rõ chỉ tiêu.", "agree", "Công nhân", null, null, "05/11/2025"],
            [null, "Dự thảo ngắn gọn.", "Đồng ý một phần", null, null, null, null],
            ["Z.9", "Mục sai.", "agree", null, null, null, null],
        ];
        var fromValues = IntakeParser.ParseValues(values, Options);
        string csv = "Mục,Ý kiến,Quan điểm,Tầng lớp,Kênh,Đơn vị,Ngày\r\nI.1,Đề nghị làm rõ chỉ tiêu.,Tán thành,Công nhân,,,05/11/2025\r\n,Dự thảo ngắn gọn.,Đồng ý một phần,,,,\r\nZ.9,Mục sai.,agree,,,,\r\n";
        var fromCsv = IntakeParser.ParseCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Options);

        Assert.Equal(3, fromValues.Rows.Count);
        Assert.Equal(fromCsv.Rows.Select(r => r.ContentHash), fromValues.Rows.Select(r => r.ContentHash));
        Assert.Equal(IntakeStance.Agree, fromValues.Rows[0].Stance);
        Assert.Null(fromValues.Rows[1].SectionRef);
        Assert.Equal("unknown_section", Assert.Single(fromValues.Rows[2].Errors).Code);
        Assert.Equal(2, fromValues.Rows[0].RowNumber);
    }

    [Fact]
    public void Too_many_value_rows_are_refused_as_a_whole()
    {
        var options = Options with { Limits = new UploadLimits { MaxRows = 2 } };
        IReadOnlyList<string?>[] values = [.. Enumerable.Range(0, 3).Select(i => (IReadOnlyList<string?>)["II", "Ý kiến " + i, "agree"])];
        var ex = Assert.Throws<DocumentRejectedException>(() => IntakeParser.ParseValues(values, options));
        Assert.Equal(RejectionReason.TooManyRows, ex.Reason);
        Assert.Contains("tối đa 2", ex.VietnameseMessage, StringComparison.Ordinal);
    }
}
