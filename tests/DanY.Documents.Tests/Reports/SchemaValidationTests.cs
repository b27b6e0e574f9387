using DanY.Documents.Intake;
using DanY.Documents.Reports;
using DanY.Documents.Tests.Intake;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace DanY.Documents.Tests.Reports;

/// <summary>Word and Excel refuse files that break the schema where LibreOffice is lenient: validate what we write.</summary>
public sealed class SchemaValidationTests
{
    [Fact]
    public void Reports_are_schema_valid()
    {
        foreach (ReportDocument report in new[] { SampleReports.PartySynthesis(), SampleReports.UnionSituation() with { IsDraft = true, RestrictionMark = "Mật" } })
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(DocxReportWriter.ToBytes(report)), false);
            AssertValid(new OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public void Intake_template_and_appendix_are_schema_valid()
    {
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(IntakeTemplateTests.Template(["X00004"])), false))
        {
            AssertValid(new OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken));
        }
        using var ms = new MemoryStream();
        XlsxTableWriter.Write(ms, [new XlsxSheet("Ý kiến", ["Mã", "Nội dung", "Ngày"], [[1, "Tán thành", new DateOnly(2025, 11, 1)]])]);
        using var appendix = SpreadsheetDocument.Open(new MemoryStream(ms.ToArray()), false);
        AssertValid(new OpenXmlValidator().Validate(appendix, TestContext.Current.CancellationToken));
    }

    private static void AssertValid(IEnumerable<ValidationErrorInfo> errors)
    {
        string[] messages = errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToArray();
        Assert.True(messages.Length == 0, string.Join("\n", messages));
    }
}
