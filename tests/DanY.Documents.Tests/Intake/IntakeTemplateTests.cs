using DanY.Documents.Intake;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanY.Documents.Tests.Intake;

public sealed class IntakeTemplateTests
{
    internal static readonly IntakeSection[] Sections =
    [
        new("I", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT"),
        new("I.1", "Về phát triển kinh tế"),
        new("I.1.1", "Tăng trưởng kinh tế, ổn định kinh tế vĩ mô"),
        new("II", "NHIỆM VỤ, GIẢI PHÁP"),
        new("II.3.2", "Chuyển đổi số, xây dựng chính quyền số"),
    ];

    internal static byte[] Template(IReadOnlyList<string>? units = null, int blankRows = 50)
    {
        using var ms = new MemoryStream();
        IntakeTemplateWriter.Write(ms, new IntakeTemplate("Dự thảo Báo cáo chính trị", Sections, UnitCodes: units, BlankRows: blankRows));
        return ms.ToArray();
    }

    [Fact]
    public void Template_has_prefilled_sections_and_drop_downs_bound_to_the_lists()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(Template(["X00004", "X00007"])), false);
        WorkbookPart wb = doc.WorkbookPart!;
        Sheet[] sheets = wb.Workbook.Sheets!.Elements<Sheet>().ToArray();
        Assert.Equal(["Góp ý", "Hướng dẫn", "Danh mục"], sheets.Select(s => s.Name!.Value));
        Assert.Equal(SheetStateValues.Hidden, sheets[2].State!.Value);

        Worksheet data = ((WorksheetPart)wb.GetPartById(sheets[0].Id!)).Worksheet;
        Row[] rows = data.GetFirstChild<SheetData>()!.Elements<Row>().ToArray();
        Assert.Equal(["Mục", "Tiêu đề mục", "Ý kiến", "Quan điểm", "Tầng lớp", "Kênh", "Đơn vị", "Ngày"], rows[0].Elements<Cell>().Select(Text));
        Assert.Equal("Toàn văn", Text(rows[1].Elements<Cell>().First()));
        Assert.Equal(["I", "I.1", "I.1.1", "II", "II.3.2"], rows.Skip(2).Take(5).Select(r => Text(r.Elements<Cell>().First())));
        Assert.Equal("Chuyển đổi số, xây dựng chính quyền số", Text(rows[6].Elements<Cell>().ElementAt(1)));
        Assert.Contains("VLOOKUP(A8,DmMuc", rows[7].Elements<Cell>().ElementAt(1).CellFormula!.Text, StringComparison.Ordinal);
        Assert.Equal(1 + 6 + 50, rows.Length);

        // Frozen header.
        Pane pane = data.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);

        var validations = data.Descendants<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText!, v => v.Formula1!.Text);
        Assert.Equal("DsMuc", validations["A2:A57"]);
        Assert.Equal("DsQuanDiem", validations["D2:D57"]);
        Assert.Equal("DsTangLop", validations["E2:E57"]);
        Assert.Equal("DsKenh", validations["F2:F57"]);
        Assert.Equal("DsDonVi", validations["G2:G57"]);
        Assert.All(data.Descendants<DataValidation>(), v => Assert.Equal(DataValidationValues.List, v.Type!.Value));

        // The named ranges resolve to exactly the list values.
        Worksheet lists = ((WorksheetPart)wb.GetPartById(sheets[2].Id!)).Worksheet;
        var names = wb.Workbook.DefinedNames!.Elements<DefinedName>().ToDictionary(n => n.Name!.Value!, n => n.Text);
        Assert.Equal(["Tán thành", "Không tán thành", "Đồng ý một phần"], Range(lists, names["DsQuanDiem"]));
        Assert.Equal(["Toàn văn", "I", "I.1", "I.1.1", "II", "II.3.2"], Range(lists, names["DsMuc"]));
        Assert.Equal(IntakeVocabulary.DefaultSocialGroups, Range(lists, names["DsTangLop"]));
        Assert.Equal(IntakeVocabulary.DefaultChannels.Select(c => c.Label), Range(lists, names["DsKenh"]));
        Assert.Equal(["X00004", "X00007"], Range(lists, names["DsDonVi"]));
    }

    private static string Text(Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";

    /// <summary>Reads 'Danh mục'!$C$2:$C$4 from the list sheet.</summary>
    private static string[] Range(Worksheet sheet, string reference)
    {
        string[] ends = reference[(reference.IndexOf('!', StringComparison.Ordinal) + 1)..].Replace("$", "", StringComparison.Ordinal).Split(':');
        string col = ends[0][..1];
        int from = int.Parse(ends[0][1..], System.Globalization.CultureInfo.InvariantCulture);
        int to = int.Parse(ends[1][1..], System.Globalization.CultureInfo.InvariantCulture);
        return sheet.Descendants<Cell>()
            .Where(c => c.CellReference!.Value!.StartsWith(col, StringComparison.Ordinal))
            .Select(c => (Row: int.Parse(c.CellReference!.Value![1..], System.Globalization.CultureInfo.InvariantCulture), Text: Text(c)))
            .Where(x => x.Row >= from && x.Row <= to)
            .OrderBy(x => x.Row)
            .Select(x => x.Text)
            .ToArray();
    }
}
