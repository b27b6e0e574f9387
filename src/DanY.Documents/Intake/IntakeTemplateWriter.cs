using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanY.Documents.Intake;

/// <summary>What the bulk-intake template is pre-filled with.</summary>
/// <param name="DraftTitle">Shown in the instructions sheet.</param>
/// <param name="Sections">The draft's sections in document order; one pre-filled row each.</param>
/// <param name="SocialGroups">Drop-down of the Tầng lớp column (defaults to <see cref="IntakeVocabulary.DefaultSocialGroups"/>).</param>
/// <param name="Channels">Drop-down of the Kênh column (defaults to <see cref="IntakeVocabulary.DefaultChannels"/>).</param>
/// <param name="UnitCodes">Drop-down of the Đơn vị column; free text when null.</param>
/// <param name="BlankRows">Extra empty rows that carry the drop-downs and the title look-up.</param>
public sealed record IntakeTemplate(
    string DraftTitle,
    IReadOnlyList<IntakeSection> Sections,
    IReadOnlyList<string>? SocialGroups = null,
    IReadOnlyList<IntakeChannel>? Channels = null,
    IReadOnlyList<string>? UnitCodes = null,
    int BlankRows = 1000);

/// <summary>
/// Writes the XLSX template subordinate units fill in. MiniExcel cannot write data validation, so the
/// workbook is written with the OpenXml SDK: a data sheet with drop-downs bound to named ranges of a
/// hidden list sheet, a text-formatted date column (so 05/11/2025 is never read as 11 May), frozen
/// headers, and an instructions sheet.
/// </summary>
public static class IntakeTemplateWriter
{
    public const string SectionListName = "DsMuc";
    public const string SectionTableName = "DmMuc";
    public const string StanceListName = "DsQuanDiem";
    public const string GroupListName = "DsTangLop";
    public const string ChannelListName = "DsKenh";
    public const string UnitListName = "DsDonVi";

    public static void Write(Stream output, IntakeTemplate template)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(template);
        IReadOnlyList<string> groups = template.SocialGroups ?? IntakeVocabulary.DefaultSocialGroups;
        IReadOnlyList<IntakeChannel> channels = template.Channels ?? IntakeVocabulary.DefaultChannels;
        var sectionRows = new List<IntakeSection> { new(IntakeVocabulary.WholeDocument, "(Góp ý chung cho toàn bộ dự thảo)") };
        sectionRows.AddRange(template.Sections);

        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        WorkbookPart wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        AddStyles(wb);

        // Data sheet.
        int prefilled = sectionRows.Count;
        int lastRow = 1 + prefilled + Math.Max(0, template.BlankRows);
        var data = new SheetData();
        data.Append(HeaderRow(IntakeVocabulary.Headers));
        uint r = 2;
        foreach (IntakeSection s in sectionRows)
        {
            data.Append(new Row(TextCell("A", r, s.Ref, StyleText), TextCell("B", r, s.Title, 0),
                Styled("C", r, StyleWrap), Styled("H", r, StyleText)) { RowIndex = r });
            r++;
        }
        for (; r <= lastRow; r++)
        {
            var lookup = new Cell
            {
                CellReference = "B" + r.ToString(CultureInfo.InvariantCulture),
                CellFormula = new CellFormula($"IF(A{r}=\"\",\"\",IFERROR(VLOOKUP(A{r},{SectionTableName},2,FALSE),\"\"))"),
            };
            data.Append(new Row(Styled("A", r, StyleText), lookup, Styled("C", r, StyleWrap), Styled("H", r, StyleText)) { RowIndex = r });
        }
        var validations = new DataValidations();
        string rows = $"2:{lastRow}";
        validations.Append(ListValidation("A", rows, SectionListName, "Mục", "Chọn mã mục trong danh sách (hoặc “Toàn văn”)."));
        validations.Append(ListValidation("D", rows, StanceListName, "Quan điểm", "Chọn: Tán thành / Không tán thành / Đồng ý một phần."));
        validations.Append(ListValidation("E", rows, GroupListName, "Tầng lớp", "Chọn tầng lớp Nhân dân trong danh sách."));
        validations.Append(ListValidation("F", rows, ChannelListName, "Kênh", "Chọn kênh tiếp nhận ý kiến."));
        if (template.UnitCodes is { Count: > 0 }) validations.Append(ListValidation("G", rows, UnitListName, "Đơn vị", "Chọn mã đơn vị."));
        validations.Count = (uint)validations.ChildElements.Count;
        AddSheet(wb, IntakeVocabulary.DataSheet, 1, SheetStateValues.Visible, new Worksheet(
            new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            })
            { TabSelected = true, WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            Columns((12, StyleText), (55, 0), (70, StyleWrap), (20, 0), (26, 0), (26, 0), (14, StyleText), (13, StyleText)),
            data,
            new AutoFilter { Reference = $"A1:H{lastRow}" },
            validations));

        // Instructions sheet.
        var help = new SheetData();
        string[] lines =
        [
            "MẪU TỔNG HỢP Ý KIẾN GÓP Ý VÀO DỰ THẢO",
            "Dự thảo: " + template.DraftTitle,
            "",
            "1. Mỗi dòng của trang “Góp ý” là một ý kiến. Có thể sao chép thêm dòng cho cùng một mục.",
            "2. Cột Mục: chọn mã mục trong danh sách; ghi “Toàn văn” nếu góp ý chung cho cả dự thảo.",
            "3. Cột Ý kiến: bắt buộc; không ghi họ tên, số điện thoại của người góp ý.",
            "4. Cột Quan điểm: Tán thành / Không tán thành / Đồng ý một phần (có thể để trống).",
            "5. Cột Ngày: ghi theo dạng dd/MM/yyyy, ví dụ 05/11/2025.",
            "6. Các dòng chỉ có Mục và Tiêu đề mục mà không có ý kiến sẽ được bỏ qua.",
            "7. Tải lên lại cùng một tệp không làm trùng ý kiến.",
        ];
        for (int i = 0; i < lines.Length; i++)
        {
            uint ri = (uint)(i + 1);
            help.Append(new Row(TextCell("A", ri, lines[i], i == 0 ? StyleHeader : 0u)) { RowIndex = ri });
        }
        AddSheet(wb, IntakeVocabulary.HelpSheet, 2, SheetStateValues.Visible, new Worksheet(Columns((110, 0)), help));

        // Hidden list sheet behind the drop-downs.
        var lists = new SheetData();
        string[][] columns =
        [
            ["Mã mục", .. sectionRows.Select(s => s.Ref)],
            ["Tiêu đề mục", .. sectionRows.Select(s => s.Title)],
            ["Quan điểm", .. IntakeVocabulary.StanceLabels],
            ["Tầng lớp", .. groups],
            ["Kênh", .. channels.Select(c => c.Label)],
            ["Đơn vị", .. template.UnitCodes ?? []],
        ];
        int height = columns.Max(c => c.Length);
        for (int i = 0; i < height; i++)
        {
            uint ri = (uint)(i + 1);
            var row = new Row { RowIndex = ri };
            for (int c = 0; c < columns.Length; c++)
            {
                if (i < columns[c].Length) row.Append(TextCell(((char)('A' + c)).ToString(), ri, columns[c][i], i == 0 ? StyleHeader : StyleText));
            }
            lists.Append(row);
        }
        AddSheet(wb, IntakeVocabulary.ListSheet, 3, SheetStateValues.Hidden, new Worksheet(Columns((14, 0), (50, 0), (20, 0), (30, 0), (30, 0), (14, 0)), lists));

        string q = "'" + IntakeVocabulary.ListSheet + "'!";
        wb.Workbook.Append(new DefinedNames(
            Name(SectionListName, $"{q}$A$2:$A${sectionRows.Count + 1}"),
            Name(SectionTableName, $"{q}$A$2:$B${sectionRows.Count + 1}"),
            Name(StanceListName, $"{q}$C$2:$C${IntakeVocabulary.StanceLabels.Count + 1}"),
            Name(GroupListName, $"{q}$D$2:$D${groups.Count + 1}"),
            Name(ChannelListName, $"{q}$E$2:$E${channels.Count + 1}"),
            Name(UnitListName, $"{q}$F$2:$F${Math.Max(2, (template.UnitCodes?.Count ?? 0) + 1)}")));
        wb.Workbook.Append(new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
        wb.Workbook.Save();
    }

    private const uint StyleHeader = 1;
    private const uint StyleText = 2;
    private const uint StyleWrap = 3;

    private static void AddStyles(WorkbookPart wb)
    {
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }))
            { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
                // 49 is the built-in "@" (text) format.
                new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
            { Count = 4 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static void AddSheet(WorkbookPart wb, string name, uint id, SheetStateValues state, Worksheet worksheet)
    {
        var part = wb.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        Sheets sheets = wb.Workbook.GetFirstChild<Sheets>() ?? wb.Workbook.AppendChild(new Sheets());
        var sheet = new Sheet { Name = name, SheetId = id, Id = wb.GetIdOfPart(part) };
        if (state != SheetStateValues.Visible) sheet.State = state;
        sheets.Append(sheet);
    }

    private static Columns Columns(params (double Width, uint Style)[] widths)
    {
        var cols = new Columns();
        for (int i = 0; i < widths.Length; i++)
        {
            var col = new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i].Width, CustomWidth = true };
            if (widths[i].Style != 0) col.Style = widths[i].Style;
            cols.Append(col);
        }
        return cols;
    }

    private static Row HeaderRow(IReadOnlyList<string> headers)
    {
        var row = new Row { RowIndex = 1 };
        for (int i = 0; i < headers.Count; i++) row.Append(TextCell(((char)('A' + i)).ToString(), 1, headers[i], StyleHeader));
        return row;
    }

    private static DataValidation ListValidation(string column, string rows, string listName, string title, string prompt)
    {
        string[] span = rows.Split(':');
        return new DataValidation(new Formula1(listName))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            ErrorStyle = DataValidationErrorStyleValues.Stop,
            ErrorTitle = "Giá trị không hợp lệ",
            Error = "Hãy chọn một giá trị trong danh sách.",
            PromptTitle = title,
            Prompt = prompt,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}{span[0]}:{column}{span[1]}" },
        };
    }

    private static DefinedName Name(string name, string reference) => new(reference) { Name = name };

    private static Cell TextCell(string column, uint row, string text, uint style) => new(new InlineString(new Text(TextSanitizer.Clean(text))))
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell Styled(string column, uint row, uint style) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        StyleIndex = style,
    };
}
