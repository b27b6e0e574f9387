using System.Globalization;
using DanY.Documents.Intake;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanY.Documents.Reports;

/// <summary>A column of an appendix sheet built from records.</summary>
/// <param name="Width">Width in Excel character units.</param>
public sealed record XlsxColumn<T>(string Header, Func<T, object?> Value, double Width = 15);

/// <summary>A sheet of an appendix: a header row and rows of values (string, numbers, dates, bool, null).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows, IReadOnlyList<double>? Widths = null);

/// <summary>
/// Writes appendix workbooks (e.g. every comment with its group) with a bold, frozen, filterable
/// header row and set column widths. Rows are streamed with the SAX writer, so 100,000 comments do
/// not build a DOM. Text is written as text (never as a formula), dates as dates shown dd/MM/yyyy.
/// </summary>
public static class XlsxTableWriter
{
    private const uint StyleHeader = 1;
    private const uint StyleDate = 2;
    private const uint StyleWrap = 3;
    private const int MaxCellText = 32_767;

    public static void Write<T>(Stream output, string sheetName, IReadOnlyList<XlsxColumn<T>> columns, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Write(output, [new XlsxSheet(sheetName, columns.Select(c => c.Header).ToArray(),
            rows.Select(r => (IReadOnlyList<object?>)columns.Select(c => c.Value(r)).ToArray()), columns.Select(c => c.Width).ToArray())]);
    }

    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        WorkbookPart wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook(new Sheets());
        AddStyles(wb);
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint sheetId = 1;
        foreach (XlsxSheet sheet in sheets)
        {
            var part = wb.AddNewPart<WorksheetPart>();
            int lastRow = WriteSheet(part, sheet);
            string name = UniqueName(sheet.Name, usedNames);
            wb.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = sheetId, Id = wb.GetIdOfPart(part) });
            if (lastRow > 1 && sheet.Headers.Count > 0)
            {
                // The autofilter needs its hidden defined name for Excel to show the filter buttons.
                DefinedNames names = wb.Workbook.DefinedNames ??= new DefinedNames();
                names.Append(new DefinedName($"'{name}'!$A$1:${ColumnName(sheet.Headers.Count - 1)}${lastRow}")
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = sheetId - 1, Hidden = true,
                });
            }
            sheetId++;
        }
        wb.Workbook.Save();
    }

    private static int WriteSheet(WorksheetPart part, XlsxSheet sheet)
    {
        int cols = sheet.Headers.Count;
        int rowIndex = 1;
        using (var w = OpenXmlWriter.Create(part))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetViews());
            w.WriteStartElement(new SheetView { TabSelected = rowIndex == 1, WorkbookViewId = 0 });
            w.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement(new Columns());
            for (int c = 0; c < cols; c++)
            {
                double width = sheet.Widths is { } ws && c < ws.Count ? ws[c] : 15;
                w.WriteElement(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
            }
            w.WriteEndElement();
            w.WriteStartElement(new SheetData());

            WriteRow(w, rowIndex, sheet.Headers.Cast<object?>().ToArray(), header: true);
            foreach (IReadOnlyList<object?> row in sheet.Rows)
            {
                rowIndex++;
                WriteRow(w, rowIndex, row, header: false);
            }
            w.WriteEndElement(); // sheetData
            if (rowIndex > 1 && cols > 0) w.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(cols - 1)}{rowIndex}" });
            w.WriteEndElement(); // worksheet
        }
        return rowIndex;
    }

    private static void WriteRow(OpenXmlWriter w, int rowIndex, IReadOnlyList<object?> values, bool header)
    {
        w.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
        for (int c = 0; c < values.Count; c++)
        {
            Cell? cell = MakeCell(values[c], header);
            if (cell is null) continue;
            cell.CellReference = ColumnName(c) + rowIndex.ToString(CultureInfo.InvariantCulture);
            w.WriteElement(cell);
        }
        w.WriteEndElement();
    }

    private static Cell? MakeCell(object? value, bool header)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return Text(s, header ? StyleHeader : s.Length > 60 || s.Contains('\n', StringComparison.Ordinal) ? StyleWrap : 0);
            case bool b:
                return Text(b ? "Có" : "Không", 0);
            case DateOnly d:
                return Number(d.ToDateTime(TimeOnly.MinValue).ToOADate(), StyleDate);
            case DateTime dt:
                return Number(dt.ToOADate(), StyleDate);
            case DateTimeOffset dto:
                return Number(dto.DateTime.ToOADate(), StyleDate);
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return Number(Convert.ToDouble(value, CultureInfo.InvariantCulture), 0);
            case IFormattable f:
                return Text(f.ToString(null, CultureInfo.InvariantCulture), 0);
            default:
                return Text(value.ToString() ?? "", 0);
        }
    }

    private static Cell Text(string text, uint style)
    {
        string clean = TextSanitizer.Clean(text);
        if (clean.Length > MaxCellText) clean = clean[..(MaxCellText - 1)] + "…";
        return new Cell(new InlineString(new Text(clean) { Space = SpaceProcessingModeValues.Preserve }))
        {
            DataType = CellValues.InlineString,
            StyleIndex = style == 0 ? null : style,
        };
    }

    private static Cell Number(double value, uint style) => new(new CellValue(value.ToString("R", CultureInfo.InvariantCulture)))
    {
        StyleIndex = style == 0 ? null : style,
    };

    internal static string ColumnName(int index)
    {
        string name = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var clean = new string(TextSanitizer.Clean(name, keepLineBreaks: false).Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray()).Trim('\'');
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Length > 31) clean = clean[..31];
        string candidate = clean;
        for (int i = 2; !used.Add(candidate); i++)
        {
            string suffix = " (" + i.ToString(CultureInfo.InvariantCulture) + ")";
            candidate = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }
        return candidate;
    }

    private static void AddStyles(WorkbookPart wb)
    {
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }))
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
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center })
                { FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
                new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
            { Count = 4 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
