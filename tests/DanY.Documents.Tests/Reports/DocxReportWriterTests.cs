using DanY.Documents.Drafts;
using DanY.Documents.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanY.Documents.Tests.Reports;

public sealed class DocxReportWriterTests
{
    [Fact]
    public void Party_report_has_the_36_HD_header_fonts_and_sizes()
    {
        byte[] docx = DocxReportWriter.ToBytes(SampleReports.PartySynthesis());
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Body body = doc.MainDocumentPart!.Document!.Body!;

        Table header = body.Elements<Table>().First();
        Assert.DoesNotContain(header.Descendants<TableBorders>().Single().Elements<BorderType>(), b => b.Val!.Value != BorderValues.None);
        TableCell[][] cells = header.Elements<TableRow>().Select(r => r.Elements<TableCell>().ToArray()).ToArray();
        Assert.Equal(["ĐẢNG BỘ TỈNH QUẢNG NINH", "ĐẢNG ỦY XÃ ĐÔNG TIẾN", "*"], Lines(cells[0][0]));
        Assert.Equal(["Số 15-BC/ĐU"], Lines(cells[1][0]));
        Assert.Equal(["ĐẢNG CỘNG SẢN VIỆT NAM", ""], Lines(cells[0][1]));
        Assert.Equal(["Đông Tiến, ngày 05 tháng 02 năm 2026"], Lines(cells[1][1]));

        AssertRun(cells[0][1], "ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold: true);
        AssertRun(cells[0][0], "ĐẢNG BỘ TỈNH QUẢNG NINH", 14, bold: false);
        AssertRun(cells[0][0], "ĐẢNG ỦY XÃ ĐÔNG TIẾN", 14, bold: true);
        AssertRun(cells[1][0], "Số 15-BC/ĐU", 14, bold: false);
        AssertRun(cells[1][1], "Đông Tiến, ngày 05 tháng 02 năm 2026", 14, bold: false, italic: true);

        // A rule under the heading, as long as the heading, centred in the column.
        Paragraph rule = cells[0][1].Elements<Paragraph>().Last();
        Assert.Equal(BorderValues.Single, rule.ParagraphProperties!.ParagraphBorders!.TopBorder!.Val!.Value);
        int column = int.Parse(cells[0][1].TableCellProperties!.TableCellWidth!.Width!, System.Globalization.CultureInfo.InvariantCulture);
        int indent = int.Parse(rule.ParagraphProperties.Indentation!.Left!, System.Globalization.CultureInfo.InvariantCulture);
        double ruleMm = (column - 2 * indent) * 25.4 / 1440;
        Assert.InRange(ruleMm, 65, 90);

        Paragraph[] paragraphs = body.Elements<Paragraph>().ToArray();
        Paragraph title = paragraphs.First(p => p.InnerText == "BÁO CÁO");
        AssertRun(title, "BÁO CÁO", 16, bold: true);
        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
        AssertRun(paragraphs.First(p => p.InnerText.StartsWith("tổng hợp ý kiến", StringComparison.Ordinal)), null, 14, bold: true);

        string[] headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId is not null).Select(p => p.InnerText).ToArray();
        Assert.Equal(
        [
            "I. TÌNH HÌNH TỔ CHỨC LẤY Ý KIẾN", "1. Công tác tuyên truyền, quán triệt", "2. Số lượng ý kiến",
            "II. KẾT QUẢ TỔNG HỢP Ý KIẾN", "1. Ý kiến chung", "2. Ý kiến cụ thể", "a) Về dự thảo Báo cáo chính trị", "b) Về dự thảo Báo cáo kiểm điểm",
            "III. KIẾN NGHỊ, ĐỀ XUẤT",
        ], headings);
        Paragraph bodyText = paragraphs.First(p => p.InnerText.StartsWith("Đảng ủy đã tổ chức", StringComparison.Ordinal));
        AssertRun(bodyText, null, 14, bold: false);
        Assert.Equal(JustificationValues.Both, bodyText.ParagraphProperties!.Justification!.Val!.Value);

        // Every run is Times New Roman.
        Assert.All(doc.MainDocumentPart.Document.Descendants<Run>().Where(r => r.InnerText.Length > 0),
            r => Assert.Equal(DocxReportWriter.FontName, r.RunProperties!.RunFonts!.Ascii!.Value));
        Assert.Equal(DocxReportWriter.FontName, doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single().Ascii!.Value);

        // Signature block and recipients.
        Table signature = body.Elements<Table>().Last();
        TableCell[] sig = signature.Elements<TableRow>().Single().Elements<TableCell>().ToArray();
        Assert.Equal("Nơi nhận:", Lines(sig[0])[0]);
        Assert.NotNull(sig[0].Elements<Paragraph>().First().Descendants<Underline>().SingleOrDefault());
        Assert.Equal(["- Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c),", "- Các đồng chí Đảng ủy viên,", "- Lưu Văn phòng Đảng ủy."], Lines(sig[0])[1..]);
        AssertRun(sig[0].Elements<Paragraph>().ElementAt(1), null, 12, bold: false);
        string[] signLines = Lines(sig[1]).Where(l => l.Length > 0).ToArray();
        Assert.Equal(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "[Họ và tên]"], signLines);

        // The chart is embedded.
        Assert.Single(doc.MainDocumentPart.ImageParts);
        Assert.Single(body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline>());
    }

    [Fact]
    public void Page_setup_is_A4_with_configurable_margins_and_numbers_from_page_two()
    {
        ReportDocument report = SampleReports.PartySynthesis(withChart: false) with { Margins = new ReportMargins(25, 25, 35, 15) };
        using var doc = WordprocessingDocument.Open(new MemoryStream(DocxReportWriter.ToBytes(report)), false);
        SectionProperties sect = doc.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single();
        Assert.Equal(11906u, sect.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838u, sect.GetFirstChild<PageSize>()!.Height!.Value);
        PageMargin m = sect.GetFirstChild<PageMargin>()!;
        Assert.Equal(1417, m.Top!.Value);
        Assert.Equal(1417, m.Bottom!.Value);
        Assert.Equal(1984u, m.Left!.Value);
        Assert.Equal(850u, m.Right!.Value);
        Assert.Equal(567u, m.Header!.Value);
        Assert.NotNull(sect.GetFirstChild<TitlePage>());

        var refs = sect.Elements<HeaderReference>().ToDictionary(h => h.Type!.Value, h => (HeaderPart)doc.MainDocumentPart.GetPartById(h.Id!));
        Assert.Contains("PAGE", refs[HeaderFooterValues.Default].Header!.InnerText, StringComparison.Ordinal);
        Assert.Contains(refs[HeaderFooterValues.Default].Header!.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
        Assert.Empty(refs[HeaderFooterValues.First].Header!.Descendants<FieldCode>());

        using var defaults = WordprocessingDocument.Open(new MemoryStream(DocxReportWriter.ToBytes(SampleReports.PartySynthesis(false))), false);
        PageMargin d = defaults.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageMargin>()!;
        Assert.Equal((1134, 1134, 1701u, 850u), (d.Top!.Value, d.Bottom!.Value, d.Left!.Value, d.Right!.Value));
    }

    [Fact]
    public void State_report_has_the_national_heading_and_number_with_colon()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(DocxReportWriter.ToBytes(SampleReports.UnionSituation())), false);
        Body body = doc.MainDocumentPart!.Document!.Body!;
        TableCell[][] cells = body.Elements<Table>().First().Elements<TableRow>().Select(r => r.Elements<TableCell>().ToArray()).ToArray();
        Assert.Equal(["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NINH"], Lines(cells[0][0]).Where(l => l.Length > 0));
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], Lines(cells[0][1]).Where(l => l.Length > 0));
        AssertRun(cells[0][1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold: true);
        AssertRun(cells[0][1], "Độc lập - Tự do - Hạnh phúc", 14, bold: true);
        AssertRun(cells[0][0], "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NINH", 13, bold: true);
        Assert.Equal(["Số: 05/BC-LĐLĐ"], Lines(cells[1][0]));
        Assert.Equal(["Quảng Ninh, ngày 15 tháng 3 năm 2026"], Lines(cells[1][1]));
        Assert.Equal(2, body.Elements<Table>().First().Descendants<TopBorder>().Count(b => b.Parent is ParagraphBorders));

        Paragraph title = body.Elements<Paragraph>().First(p => p.InnerText == "BÁO CÁO");
        AssertRun(title, "BÁO CÁO", 14, bold: true);
        TableCell[] sig = body.Elements<Table>().Last().Elements<TableRow>().Single().Elements<TableCell>().ToArray();
        Assert.Equal(["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Văn Minh"], Lines(sig[1]).Where(l => l.Length > 0));
        Assert.Equal("Nơi nhận:", Lines(sig[0])[0]);
        AssertRun(sig[0], "Nơi nhận:", 12, bold: true, italic: true);
    }

    [Theory]
    [InlineData("Số: 15-BC/ĐU", DocumentSystem.Party, "Số 15-BC/ĐU")]
    [InlineData("15-BC/ĐU", DocumentSystem.Party, "Số 15-BC/ĐU")]
    [InlineData("Số 05/BC-LĐLĐ", DocumentSystem.State, "Số: 05/BC-LĐLĐ")]
    public void Number_line_follows_the_system(string number, DocumentSystem system, string expected)
    {
        ReportDocument r = SampleReports.UnionSituation() with { System = system, Number = number };
        Assert.Equal(expected, r.NumberLine());
    }

    [Theory]
    [InlineData(2018, 4, 3, "Hà Nội, ngày 03 tháng 4 năm 2018")]
    [InlineData(2018, 2, 20, "Hà Nội, ngày 20 tháng 02 năm 2018")]
    [InlineData(2025, 12, 1, "Hà Nội, ngày 01 tháng 12 năm 2025")]
    public void Place_and_date_follow_the_leading_zero_rule(int y, int m, int d, string expected) =>
        Assert.Equal(expected, ReportDocument.FormatPlaceAndDate("Hà Nội", new DateOnly(y, m, d)));

    [Fact]
    public void Hostile_text_is_written_as_text_and_the_report_reads_back_as_a_draft()
    {
        ReportDocument r = SampleReports.PartySynthesis(false) with
        {
            Body = [new ReportHeading(1, "Kết quả"), new ReportHeading(2, "Ý kiến"), new ReportParagraph("Ý kiến <script>alert(1)</script>\u0001\u0007 kết thúc \uD800.")],
        };
        byte[] docx = DocxReportWriter.ToBytes(r);
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Contains(doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>(), p => p.InnerText == "Ý kiến <script>alert(1)</script> kết thúc .");

        // The heading styles carry outline levels, so the draft importer sees the structure.
        DraftOutline outline = DocxDraftReader.Read(new MemoryStream(docx));
        Assert.Equal(["I", "I.1"], outline.Flatten().Select(s => s.Ref));
        Assert.Equal("KẾT QUẢ", outline.Sections[0].Title);
    }


    private static string[] Lines(TableCell cell) => cell.Elements<Paragraph>().Select(p => p.InnerText).ToArray();

    private static void AssertRun(DocumentFormat.OpenXml.OpenXmlElement scope, string? text, double sizePt, bool bold, bool italic = false)
    {
        Run run = scope.Descendants<Run>().First(r => r.InnerText.Length > 0 && (text is null || r.InnerText == text));
        RunProperties rp = run.RunProperties!;
        Assert.Equal(((int)(sizePt * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture), rp.FontSize!.Val!.Value);
        Assert.Equal(bold, rp.Bold is not null);
        Assert.Equal(italic, rp.Italic is not null);
        Assert.Equal(DocxReportWriter.FontName, rp.RunFonts!.Ascii!.Value);
    }

}
