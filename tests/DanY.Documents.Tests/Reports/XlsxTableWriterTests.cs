using DanY.Documents.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;

namespace DanY.Documents.Tests.Reports;

public sealed class XlsxTableWriterTests
{
    private sealed record CommentRow(long Id, string Section, string Group, string Text, DateOnly Date, int Count);

    [Fact]
    public void Records_become_a_sheet_with_frozen_bold_header_widths_and_typed_cells()
    {
        CommentRow[] rows =
        [
            new(1, "I.1", "Nhóm 1", "Đề nghị bổ sung giải pháp chuyển đổi số.", new DateOnly(2025, 10, 15), 3),
            new(2, "II.3.2", "Nhóm 2", "=HYPERLINK(\"http://x\")\u0001 ý kiến có ký tự lạ", new DateOnly(2025, 11, 2), 1),
        ];
        XlsxColumn<CommentRow>[] columns =
        [
            new("Mã ý kiến", r => r.Id, 12),
            new("Mục", r => r.Section, 10),
            new("Nhóm ý kiến", r => r.Group, 20),
            new("Nội dung", r => r.Text, 80),
            new("Ngày", r => r.Date, 12),
            new("Số lượng", r => r.Count, 10),
        ];
        using var ms = new MemoryStream();
        XlsxTableWriter.Write(ms, "Phụ lục: ý kiến/góp ý", columns, rows);
        byte[] bytes = ms.ToArray();

        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Sheet sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
            Assert.Equal("Phụ lục ý kiếngóp ý", sheet.Name!.Value);
            Worksheet ws = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
            Pane pane = ws.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.Equal([12d, 10, 20, 80, 12, 10], ws.Descendants<Column>().Select(c => c.Width!.Value));
            Assert.Equal("A1:F3", ws.Descendants<AutoFilter>().Single().Reference!.Value);

            Cell[] header = ws.Descendants<Row>().First().Elements<Cell>().ToArray();
            CellFormat headerFormat = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ElementAt((int)header[0].StyleIndex!.Value);
            Font headerFont = doc.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)headerFormat.FontId!.Value);
            Assert.NotNull(headerFont.Bold);

            Cell formulaLike = ws.Descendants<Row>().ElementAt(2).Elements<Cell>().ElementAt(3);
            Assert.Equal(CellValues.InlineString, formulaLike.DataType!.Value);
            Assert.Null(formulaLike.CellFormula);
        }

        var read = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToArray();
        Assert.Equal(2, read.Length);
        Assert.Equal(1d, Convert.ToDouble(read[0]["Mã ý kiến"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("II.3.2", read[1]["Mục"]);
        Assert.Equal("=HYPERLINK(\"http://x\") ý kiến có ký tự lạ", read[1]["Nội dung"]);
        Assert.Equal(new DateTime(2025, 10, 15), read[0]["Ngày"]);
    }

    [Fact]
    public void Several_sheets_get_unique_names()
    {
        using var ms = new MemoryStream();
        XlsxTableWriter.Write(ms,
        [
            new XlsxSheet("Tổng hợp", ["Kênh", "Số ý kiến"], [["Hội nghị", 1832], ["Trực tuyến", 904]]),
            new XlsxSheet("Tổng hợp", ["Đơn vị", "Đã gửi"], [["X00004", true], ["X00007", false]]),
        ]);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(ms.ToArray()), false);
        Assert.Equal(["Tổng hợp", "Tổng hợp (2)"], doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var rows = MiniExcel.Query(new MemoryStream(ms.ToArray()), useHeaderRow: true, sheetName: "Tổng hợp (2)").Cast<IDictionary<string, object?>>().ToArray();
        Assert.Equal(["Có", "Không"], rows.Select(r => r["Đã gửi"]));
    }
}
