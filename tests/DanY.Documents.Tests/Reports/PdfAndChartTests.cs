using System.Text;
using DanY.Documents.Pdf;
using DanY.Documents.Reports;

namespace DanY.Documents.Tests.Reports;

public sealed class PdfAndChartTests
{
    [Fact]
    public async Task Reports_convert_to_pdf_when_libreoffice_is_installed()
    {
        var converter = new LibreOfficePdfConverter();
        if (!converter.IsAvailable) Assert.Skip("LibreOffice (soffice) is not installed: PDF conversion not tested.");
        string? samples = Environment.GetEnvironmentVariable("DANY_SAMPLES_DIR");
        foreach ((string name, ReportDocument report) in new[] { ("party", SampleReports.PartySynthesis()), ("state", SampleReports.UnionSituation()) })
        {
            byte[] docx = DocxReportWriter.ToBytes(report);
            PdfConversionResult result = await converter.ConvertAsync(docx, TimeSpan.FromSeconds(180), TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, result.EnglishMessage);
            Assert.Equal("%PDF", Encoding.ASCII.GetString(result.Pdf!, 0, 4));
            if (samples is not null)
            {
                Directory.CreateDirectory(samples);
                await File.WriteAllBytesAsync(Path.Combine(samples, name + ".docx"), docx, TestContext.Current.CancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(samples, name + ".pdf"), result.Pdf!, TestContext.Current.CancellationToken);
            }
        }
    }

    [Fact]
    public async Task Missing_libreoffice_gives_a_clear_result()
    {
        var converter = new LibreOfficePdfConverter("/nonexistent/soffice");
        Assert.False(converter.IsAvailable);
        PdfConversionResult result = await converter.ConvertAsync([1, 2, 3], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(PdfConversionStatus.NotInstalled, result.Status);
        Assert.False(result.Succeeded);
        Assert.Null(result.Pdf);
        Assert.Contains("LibreOffice không được cài đặt", result.VietnameseMessage, StringComparison.Ordinal);
        Assert.Contains("not installed", result.EnglishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Bar_and_line_charts_are_png_of_the_requested_size()
    {
        byte[] bar = ReportCharts.Bar("Số ý kiến theo tầng lớp Nhân dân", ["Công nhân", "Nông dân", "Cựu chiến binh", "Đồng bào dân tộc thiểu số"], [120, 340, 85, 42], "Số ý kiến", 900, 500);
        AssertPng(bar, 900, 500);
        byte[] line = ReportCharts.Line("Ý kiến theo ngày", ["15/10", "16/10", "17/10", "18/10"], [new ChartSeries("Trực tuyến", [10, 25, 18, 40]), new ChartSeries("Hội nghị", [5, 9, 30, 12])], "Số ý kiến");
        AssertPng(line, 1200, 700);
        Assert.Throws<ArgumentException>(() => ReportCharts.Bar("x", ["a"], [1, 2]));
        TestContext.Current.TestOutputHelper?.WriteLine("chart font: " + (ReportCharts.FontFamily ?? "(ScottPlot default)"));
        string? samples = Environment.GetEnvironmentVariable("DANY_SAMPLES_DIR");
        if (samples is not null)
        {
            Directory.CreateDirectory(samples);
            File.WriteAllBytes(Path.Combine(samples, "bar.png"), bar);
            File.WriteAllBytes(Path.Combine(samples, "line.png"), line);
            File.WriteAllText(Path.Combine(samples, "chart-font.txt"), ReportCharts.FontFamily ?? "(ScottPlot default)");
        }
    }

    private static void AssertPng(byte[] png, int width, int height)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
