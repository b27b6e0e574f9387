using DanY.Documents.Plans;
using DanY.Domain.Plans;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanY.Documents.Tests.Plans;

/// <summary>A plan built as Word builds it: a header layout table, automatic numbering, bold runs, a task table.</summary>
public sealed class PlanDocxReaderTests
{
    private const int Sections = 1;
    private const int Items = 2;

    [Fact]
    public void Reads_a_party_plan_from_docx()
    {
        byte[] docx = BuildPlan();
        IReadOnlyList<SourceLine> lines = PlanReader.ReadLines(docx);
        Assert.Contains(lines, l => l.Text == "II. NỘI DUNG");
        Assert.Contains(lines, l => l.Text.StartsWith("1. Ban Tuyên giáo và Dân vận các đảng ủy", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.StartsWith("2. Các đảng ủy xã", StringComparison.Ordinal));

        Plan plan = PlanReader.Read(docx);
        Assert.Equal("215-KH/BTGDVTU", plan.Number);
        Assert.Equal(new DateOnly(2025, 10, 6), plan.Date);
        Assert.Equal("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", plan.Issuer);
        Assert.Equal("ĐẢNG BỘ TỈNH BẮC NINH", plan.SuperiorBody);
        Assert.Equal("tổ chức lấy ý kiến Nhân dân vào dự thảo các văn kiện trình Đại hội XIV của Đảng", plan.Title);
        PlanReference basis = Assert.Single(plan.Basis);
        Assert.Equal("23-KH/BTGDVTW", basis.Number);
        Assert.Equal(new DateOnly(2025, 10, 1), basis.Date);
        Assert.Equal("Ban Tuyên giáo và Dân vận Trung ương", basis.Issuer);

        Obligation monthly = Assert.Single(plan.Obligations, o => o.Recurrence is not null);
        Assert.Equal("FREQ=MONTHLY;BYMONTHDAY=15", monthly.Recurrence!.ToString());
        Assert.Equal(ObligationKind.Report, monthly.Kind);
        Assert.Equal(["Ban Tuyên giáo và Dân vận các đảng ủy xã, phường"], monthly.Lead);
        Assert.Equal(["Ban Tuyên giáo và Dân vận Tỉnh ủy"], monthly.Recipients);

        Obligation synthesis = Assert.Single(plan.Obligations, o => o.Source.Contains("tổng hợp ý kiến", StringComparison.Ordinal) && o.Due is not null && o.Recurrence is null);
        Assert.Equal(new DateOnly(2025, 11, 19), synthesis.Due);

        Obligation conference = Assert.Single(plan.Obligations, o => o.Kind == ObligationKind.Conference);
        Assert.Equal(new DateOnly(2025, 10, 15), conference.Start);
        Assert.Equal(new DateOnly(2025, 11, 15), conference.Due);
        Assert.Equal(["Ban Tuyên giáo và Dân vận Tỉnh ủy"], conference.Lead);

        Assert.DoesNotContain(plan.Obligations, o => o.Source.Contains("Phát huy", StringComparison.Ordinal));
        Assert.Equal(["Ban Tuyên giáo và Dân vận Trung ương", "Thường trực Tỉnh ủy"], plan.Recipients.Select(r => r.Name));
    }

    [Fact]
    public void Text_boxes_are_lines_of_their_own()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = document.AddMainDocumentPart();
            var box = new Run(new Picture(new DocumentFormat.OpenXml.Vml.Shape(new DocumentFormat.OpenXml.Vml.TextBox(new TextBoxContent(Para("Số 57 -KH/ĐU"))))));
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("ĐẢNG ỦY PHƯỜNG BA ĐÌNH")), box),
                Para("KẾ HOẠCH")));
            main.Document.Save();
        }
        IReadOnlyList<SourceLine> lines = PlanReader.ReadLines(stream.ToArray());
        Assert.Equal(["Số 57 -KH/ĐU", "ĐẢNG ỦY PHƯỜNG BA ĐÌNH", "KẾ HOẠCH"], lines.Select(l => l.Text));
        Assert.Equal("57-KH/ĐU", PlanReader.Read(stream.ToArray()).Number);
    }

    private static byte[] BuildPlan()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = document.AddMainDocumentPart();
            var numberingPart = main.AddNewPart<NumberingDefinitionsPart>();
            numberingPart.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.UpperRoman }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%2." }) { LevelIndex = 1 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 })
                { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = Items });

            var body = new Body(
                LayoutTable(
                    [Para("ĐẢNG BỘ TỈNH BẮC NINH"), Para("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", bold: true), Para("*"), Para("Số 215-KH/BTGDVTU")],
                    [Para("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true), Para("Bắc Ninh, ngày 06 tháng 10 năm 2025")]),
                Para("KẾ HOẠCH", bold: true),
                SoftBroken(true, "tổ chức lấy ý kiến Nhân dân vào dự thảo", "các văn kiện trình Đại hội XIV của Đảng"),
                Para("-----"),
                Para("Thực hiện Kế hoạch số 23-KH/BTGDVTW, ngày 01/10/2025 của Ban Tuyên giáo và Dân vận Trung ương, Ban Tuyên giáo và Dân vận Tỉnh ủy ban hành kế hoạch thực hiện như sau:"),
                Numbered("MỤC ĐÍCH, YÊU CẦU", Sections, 0, bold: true),
                Para("Phát huy quyền làm chủ của Nhân dân, bảo đảm thiết thực, hiệu quả."),
                Numbered("NỘI DUNG", Sections, 0, bold: true),
                TaskTable(),
                Numbered("TỔ CHỨC THỰC HIỆN", Sections, 0, bold: true),
                Numbered("Ban Tuyên giáo và Dân vận các đảng ủy xã, phường theo dõi, nắm tình hình Nhân dân, vào ngày 15 hàng tháng báo cáo về Ban Tuyên giáo và Dân vận Tỉnh ủy.", Items, 0),
                Numbered("Các đảng ủy xã, phường tổng hợp ý kiến góp ý của Nhân dân, hoàn thành trước ngày 20/11/2025.", Items, 0),
                LayoutTable(
                    [Para("Nơi nhận:"), Para("- Ban Tuyên giáo và Dân vận Trung ương,"), Para("- Thường trực Tỉnh ủy,"), Para("- Lưu VT.")],
                    [Para("K/T TRƯỞNG BAN", bold: true), Para("PHÓ TRƯỞNG BAN", bold: true)]));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table TaskTable()
    {
        static TableRow Row(params string[] cells) => new(cells.Select(c => new TableCell(Para(c))));
        return new Table(
            Row("TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"),
            Row("1", "Tổ chức hội nghị lấy ý kiến đại diện các tầng lớp Nhân dân", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban MTTQ Việt Nam tỉnh", "Từ ngày 15/10 đến ngày 15/11/2025"));
    }

    private static Table LayoutTable(Paragraph[] left, Paragraph[] right) =>
        new(new TableRow(new TableCell(left), new TableCell(right)));

    private static Paragraph Para(string text, bool bold = false) =>
        new(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph SoftBroken(bool bold, string first, string second) =>
        new(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(first), new Break(), new Text(second)));

    private static Paragraph Numbered(string text, int numberingId, int level, bool bold = false)
    {
        Paragraph paragraph = Para(text, bold);
        paragraph.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numberingId })));
        return paragraph;
    }
}
