using System.Text;
using DanY.Cli.Csv;

namespace DanY.Integration.Tests.Classify;

public sealed class CsvTests
{
    private static List<List<string>> Parse(string text)
    {
        using var reader = new CsvReader(new StringReader(text));
        var records = new List<List<string>>();
        var fields = new List<string>();
        while (reader.ReadRecord(fields)) records.Add([.. fields]);
        return records;
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var records = Parse("id,text\r\n1,\"Xin chào, \"\"Ban\"\"\r\ndòng hai\nba\"\r\n2,plain\n3,\"\"\n");
        Assert.Equal(4, records.Count);
        Assert.Equal(["1", "Xin chào, \"Ban\"\r\ndòng hai\nba"], records[1]);
        Assert.Equal(["2", "plain"], records[2]);
        Assert.Equal(["3", ""], records[3]);
    }

    [Fact]
    public void Last_record_without_line_break_and_empty_fields_are_read()
    {
        var records = Parse("a,b,c\n,,\nx,y,z");
        Assert.Equal(["", "", ""], records[1]);
        Assert.Equal(["x", "y", "z"], records[2]);
    }

    [Fact]
    public void Unterminated_quote_is_an_error_with_its_line()
    {
        var e = Assert.Throws<CsvFormatException>(() => Parse("a,b\n1,2\n3,\"never closed\nmore\n"));
        Assert.Equal(3, e.Line);
        Assert.Contains("quote", e.Message, StringComparison.Ordinal);
        Assert.Contains("ngoặc kép", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        var e = Assert.Throws<CsvFormatException>(() => Parse("a,b\n\"x\"y,2\n"));
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Invalid_utf8_is_rejected()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. "text\n"u8.ToArray(), 0xC3, 0x28, 0x0A]);
            Assert.Throws<CsvFormatException>(() => CsvReader.ReadColumns(path, ["text"], TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bom_is_skipped_and_columns_are_found_by_name()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, ",Comment,Label\n0,\"a\nb\",x\n\n1,c,y\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var rows = CsvReader.ReadColumns(path, ["Comment", "label"], TestContext.Current.CancellationToken);
            Assert.Equal(2, rows.Count); // the blank line of a 3-column file is not a record
            Assert.Equal(["a\nb", "x"], rows[0]);
            Assert.Equal(["c", "y"], rows[1]);
            var e = Assert.Throws<CsvFormatException>(() => CsvReader.ReadColumns(path, ["Missing"], TestContext.Current.CancellationToken));
            Assert.Contains("'Comment'", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Writer_output_reads_back_identically()
    {
        string[][] records =
        [
            ["row", "label", "text"],
            ["0", "tích cực", "có \"ngoặc\", dấu phẩy\r\nvà xuống dòng"],
            ["1", "", " khoảng trắng đầu"],
        ];
        var sb = new StringBuilder();
        using (var writer = new CsvWriter(new StringWriter(sb)))
        {
            foreach (var r in records) writer.WriteRecord(r);
        }
        Assert.StartsWith("row,label,text\r\n", sb.ToString(), StringComparison.Ordinal);
        var back = Parse(sb.ToString());
        Assert.Equal(records.Select(r => r.ToList()), back);
    }

    [Fact]
    public void Oversized_field_is_rejected()
    {
        using var reader = new CsvReader(new StringReader("a\n" + new string('x', 100) + "\n"), maxFieldLength: 50);
        Assert.Throws<CsvFormatException>(() => reader.ReadColumns(["a"], TestContext.Current.CancellationToken));
    }
}
