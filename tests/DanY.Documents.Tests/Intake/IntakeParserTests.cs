using System.Globalization;
using System.Text;
using DanY.Documents.Intake;
using DanY.Documents.Tests.Drafts;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;

namespace DanY.Documents.Tests.Intake;

public sealed class IntakeParserTests
{
    private static readonly IntakeOptions Options = new(IntakeTemplateTests.Sections) { UnitCodes = ["X00004", "X00007"] };

    /// <summary>Fills the template as a commune secretary would, with OpenXml (cells in existing rows).</summary>
    private static byte[] FilledTemplate()
    {
        var ms = new MemoryStream();
        ms.Write(IntakeTemplateTests.Template(["X00004", "X00007"]));
        using (var doc = SpreadsheetDocument.Open(ms, true))
        {
            WorkbookPart wb = doc.WorkbookPart!;
            Sheet sheet = wb.Workbook.Sheets!.Elements<Sheet>().First();
            SheetData data = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            // Row 3 is the pre-filled "I" row; rows 8+ are blank rows.
            Fill(data, 3, null, "Đề nghị bổ sung đánh giá về kết quả sắp xếp tổ chức bộ máy.", "Tán thành", "Cán bộ hưu trí", "Hội nghị", "X00004", "05/11/2025");
            Fill(data, 8, "II.3.2", "Cần hỗ trợ người cao tuổi sử dụng dịch vụ công trực tuyến.", "Đồng ý một phần", "nông dân", "Văn bản, thư góp ý", "X00007", "6/11/2025");
            Fill(data, 9, "IX.9", "Ý kiến gắn với mục không tồn tại.", "Tán thành", null, null, null, null);
            Fill(data, 10, "I.1", null, "Không tán thành", null, null, null, null);
            Fill(data, 11, "I.1", "Quan điểm không hợp lệ.", "Ủng hộ", null, null, null, "31/02/2025");
            Fill(data, 12, "Toàn văn", new string('x', 6000), null, "Người ngoài hành tinh", "Fax", "Z99", "2025-11-07");
            Fill(data, 13, "i.1.1.", "Mã mục viết thường, có dấu chấm cuối.", "khong tan thanh", "Trí thức", "online", null, null);
        }
        return ms.ToArray();
    }

    private static void Fill(SheetData data, uint row, string? section, string? text, string? stance, string? group, string? channel, string? unit, string? date)
    {
        Row r = data.Elements<Row>().Single(x => x.RowIndex!.Value == row);
        string?[] values = [section, null, text, stance, group, channel, unit, date];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is null) continue;
            string reference = ((char)('A' + i)).ToString() + row.ToString(CultureInfo.InvariantCulture);
            Cell? cell = r.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
            if (cell is null)
            {
                cell = new Cell { CellReference = reference };
                Cell? after = r.Elements<Cell>().LastOrDefault(c => string.CompareOrdinal(c.CellReference!.Value, reference) < 0);
                if (after is null) r.PrependChild(cell);
                else after.InsertAfterSelf(cell);
            }
            cell.CellFormula = null;
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(values[i]!));
        }
    }

    [Fact]
    public void Template_filled_with_openxml_parses_with_row_errors()
    {
        IntakeParseResult result = IntakeParser.Parse(new MemoryStream(FilledTemplate()), "gop-y.xlsx", Options);

        Assert.Equal([3, 8, 9, 10, 11, 12, 13], result.Rows.Select(r => r.RowNumber));
        // 56 rows under the header (Toàn văn, 5 sections, 50 blank), 7 filled.
        Assert.Equal(56 - 7, result.BlankRowsSkipped);

        IntakeRow first = result.Rows[0];
        Assert.True(first.IsValid);
        Assert.Equal("I", first.SectionRef);
        Assert.Equal(IntakeStance.Agree, first.Stance);
        Assert.Equal("Cán bộ hưu trí", first.SocialGroup);
        Assert.Equal("conference", first.Channel);
        Assert.Equal("X00004", first.UnitCode);
        Assert.Equal(new DateOnly(2025, 11, 5), first.Date);

        IntakeRow second = result.Rows[1];
        Assert.True(second.IsValid);
        Assert.Equal("II.3.2", second.SectionRef);
        Assert.Equal(IntakeStance.Partly, second.Stance);
        Assert.Equal("Nông dân", second.SocialGroup);
        Assert.Equal("written", second.Channel);
        Assert.Equal(new DateOnly(2025, 11, 6), second.Date);

        Assert.Equal(["unknown_section"], result.Rows[2].Errors.Select(e => e.Code));
        Assert.Equal("Mục “IX.9” không có trong dự thảo.", result.Rows[2].Errors[0].Message);
        Assert.Equal(["empty_text"], result.Rows[3].Errors.Select(e => e.Code));
        Assert.Equal(["bad_stance", "bad_date"], result.Rows[4].Errors.Select(e => e.Code));
        Assert.Equal("Ngày “31/02/2025” không đúng dạng dd/MM/yyyy.", result.Rows[4].Errors[1].Message);
        Assert.Equal(["text_too_long", "unknown_group", "unknown_channel", "unknown_unit"], result.Rows[5].Errors.Select(e => e.Code));
        Assert.Null(result.Rows[5].SectionRef);

        IntakeRow last = result.Rows[6];
        Assert.True(last.IsValid, string.Join("; ", last.Errors.Select(e => e.Message)));
        Assert.Equal("I.1.1", last.SectionRef);
        Assert.Equal(IntakeStance.Disagree, last.Stance);
        Assert.Equal("online", last.Channel);

        Assert.Equal(3, result.ValidRows.Count());
        Assert.Equal(4, result.ErrorRowCount);
    }

    [Fact]
    public void Same_file_uploaded_again_gives_the_same_hashes_and_identical_rows_stay_distinct()
    {
        byte[] file = FilledTemplate();
        IntakeParseResult a = IntakeParser.ParseXlsx(new MemoryStream(file), Options);
        IntakeParseResult b = IntakeParser.ParseXlsx(new MemoryStream(file), Options);
        Assert.Equal(a.FileSha256, b.FileSha256);
        Assert.Equal(a.Rows.Select(r => r.ContentHash), b.Rows.Select(r => r.ContentHash));
        Assert.Equal(a.Rows.Count, a.Rows.Select(r => r.ContentHash).Distinct(StringComparer.Ordinal).Count());

        const string csv = "Mục,Ý kiến,Quan điểm\nI,Tán thành dự thảo.,Tán thành\nI,Tán thành dự thảo.,Tán thành\nI.1,Ý kiến khác.,\n";
        IntakeParseResult twice = IntakeParser.ParseCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Options);
        Assert.NotEqual(twice.Rows[0].ContentHash, twice.Rows[1].ContentHash);
        // The same row in another file (whitespace differs) is recognised as already imported.
        const string again = "Ý kiến;Mục;Quan điểm\n\"Tán thành   dự thảo.\";I;tán thành\n";
        IntakeParseResult subset = IntakeParser.ParseCsv(new MemoryStream(Encoding.UTF8.GetBytes(again)), Options);
        Assert.Equal(twice.Rows[0].ContentHash, subset.Rows[0].ContentHash);
    }

    [Fact]
    public void Xlsx_written_by_miniexcel_with_date_cells_parses()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["Mục"] = "I.1", ["Ý kiến"] = "Đề nghị làm rõ chỉ tiêu tăng trưởng.", ["Quan điểm"] = "Tán thành", ["Ngày"] = new DateTime(2025, 10, 20) },
            new() { ["Mục"] = "II", ["Ý kiến"] = "  Cần   thêm giải pháp  ", ["Quan điểm"] = "", ["Ngày"] = null },
        };
        using var ms = new MemoryStream();
        ms.SaveAs(rows);
        IntakeParseResult result = IntakeParser.ParseXlsx(new MemoryStream(ms.ToArray()), Options);
        Assert.Equal(2, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.True(r.IsValid));
        Assert.Equal(new DateOnly(2025, 10, 20), result.Rows[0].Date);
        Assert.Equal("Cần   thêm giải pháp", result.Rows[1].Text);
        Assert.Null(result.Rows[1].Stance);
    }

    [Fact]
    public void Csv_with_semicolons_quotes_line_breaks_and_bom()
    {
        string csv = "Mục;Tiêu đề mục;Ý kiến;Quan điểm;Tầng lớp;Kênh;Đơn vị;Ngày\r\n"
            + "II.3.2;;\"Dòng một;\r\ndòng hai, có \"\"ngoặc kép\"\"\";Đồng ý một phần;Công nhân;Hội nghị;X00004;15/11/2025\r\n"
            + ";;;;;;;\r\n"
            + "I;;<script>alert(1)</script>;Tán thành;;;;\r\n";
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)];
        IntakeParseResult result = IntakeParser.Parse(new MemoryStream(bytes), "gop-y.csv", Options);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("Dòng một;\ndòng hai, có \"ngoặc kép\"", result.Rows[0].Text);
        Assert.Equal(new DateOnly(2025, 11, 15), result.Rows[0].Date);
        Assert.Equal("<script>alert(1)</script>", result.Rows[1].Text);
        Assert.Equal(1, result.BlankRowsSkipped);
    }

    [Fact]
    public void Csv_in_windows_1258_is_decoded_to_nfc()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding cp1258 = Encoding.GetEncoding(1258);
        byte[] bytes = cp1258.GetBytes(Cp1258Form("Mục,Ý kiến,Quan điểm\nI,Đề nghị tăng lương hưu,Không tán thành\n"));
        IntakeParseResult result = IntakeParser.ParseCsv(new MemoryStream(bytes), Options);
        IntakeRow row = Assert.Single(result.Rows);
        Assert.Equal("Đề nghị tăng lương hưu", row.Text);
        Assert.True(row.Text.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(IntakeStance.Disagree, row.Stance);
    }

    [Fact]
    public void Files_without_the_text_column_are_refused()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n");
        var ex = Assert.Throws<DocumentRejectedException>(() => IntakeParser.ParseCsv(new MemoryStream(bytes), Options));
        Assert.Equal(RejectionReason.MissingColumns, ex.Reason);
    }

    [Fact]
    public void Too_many_rows_is_refused()
    {
        var sb = new StringBuilder("Mục,Ý kiến\n");
        for (int i = 0; i < 20; i++) sb.Append("I,Ý kiến số ").Append(i).Append('\n');
        var ex = Assert.Throws<DocumentRejectedException>(() => IntakeParser.ParseCsv(
            new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString())), Options with { Limits = new UploadLimits { MaxRows = 10 } }));
        Assert.Equal(RejectionReason.TooManyRows, ex.Reason);
        Assert.Contains("quá nhiều dòng", ex.VietnameseMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_xlsx_uploads_are_refused()
    {
        byte[] docx = DocxDraftReaderTests.PoliticalReport();
        Assert.Equal(RejectionReason.NotAnXlsx,
            Assert.Throws<DocumentRejectedException>(() => IntakeParser.Parse(new MemoryStream(docx), "x.xlsx", Options)).Reason);

        byte[] bomb = DraftLimitsTests.Zip(("[Content_Types].xml", new byte[10]), ("xl/workbook.xml", new byte[10]), ("xl/worksheets/sheet1.xml", new byte[64 * 1024 * 1024]));
        Assert.Equal(RejectionReason.SuspiciousCompression,
            Assert.Throws<DocumentRejectedException>(() => IntakeParser.Parse(new MemoryStream(bomb), "x.xlsx", Options)).Reason);

        byte[] template = IntakeTemplateTests.Template();
        Assert.Equal(RejectionReason.Corrupt,
            Assert.Throws<DocumentRejectedException>(() => IntakeParser.Parse(new MemoryStream(template[..(template.Length - 200)]), "x.xlsx", Options)).Reason);

        Assert.Equal(RejectionReason.BadEncoding,
            Assert.Throws<DocumentRejectedException>(() => IntakeParser.Parse(new MemoryStream(template), "x.csv", Options)).Reason);

        Assert.Equal(RejectionReason.FileTooLarge,
            Assert.Throws<DocumentRejectedException>(() => IntakeParser.Parse(new MemoryStream(template), "x.xlsx",
                Options with { Limits = new UploadLimits { MaxFileBytes = 1000 } })).Reason);
    }

    /// <summary>Windows-1258 has the letters â ê ô ă ơ ư but types the five tone marks as combining characters.</summary>
    private static string Cp1258Form(string text)
    {
        const string tones = "\u0300\u0301\u0303\u0309\u0323";
        var sb = new StringBuilder();
        foreach (char c in text.Normalize(NormalizationForm.FormC))
        {
            string d = c.ToString().Normalize(NormalizationForm.FormD);
            string tone = new(d.Where(ch => tones.Contains(ch, StringComparison.Ordinal)).ToArray());
            string rest = new string(d.Where(ch => !tones.Contains(ch, StringComparison.Ordinal)).ToArray()).Normalize(NormalizationForm.FormC);
            sb.Append(rest).Append(tone);
        }
        return sb.ToString();
    }
}
