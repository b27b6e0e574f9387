using System.Text;
using System.Text.RegularExpressions;

namespace DanY.Documents.Plans;

/// <summary>
/// Reads a plan from plain text or Markdown-ish text (as the seeds: headings with #, emphasis with ** and *,
/// pipe tables, hard breaks). Column layouts typed with tabs or runs of spaces become table rows, so a header
/// "ĐẢNG BỘ TỈNH ...      ĐẢNG CỘNG SẢN VIỆT NAM" keeps its two columns apart.
/// </summary>
public static partial class PlanTextReader
{
    [GeneratedRegex(@"^\s*#{1,6}\s*")]
    private static partial Regex HeadingMark();

    [GeneratedRegex(@"\*\*|__")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<=^|[\s(“""])\*(?=\S)|(?<=\S)\*(?=$|[\s,.;:)”""])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^[\s|:\-]*$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"\t+| {3,}")]
    private static partial Regex Columns();

    // "<br>" inside a Markdown table cell ("TỈNH ỦY X<br>BAN DÂN VẬN") is a line break inside the cell.
    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"\\$")]
    private static partial Regex BackslashBreak();

    /// <summary>Decodes bytes as UTF-8 (or UTF-16 with a byte-order mark); other encodings are refused.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        // Every path is strict: a UTF-16 file with broken surrogates is refused, not read with U+FFFD in it.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Strict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Strict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        return Strict(new UTF8Encoding(false, true), bytes);
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new PlanReadException(
                "Tệp không phải văn bản UTF-8 hoặc UTF-16 hợp lệ (có thể là TCVN3/VNI hoặc tệp nhị phân); hãy lưu lại dưới dạng UTF-8 hoặc DOCX. " +
                "The file is not valid UTF-8 or UTF-16 text (perhaps TCVN3/VNI or a binary file); save it as UTF-8 or DOCX.", e);
        }
    }

    public static IReadOnlyList<SourceLine> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] raw = LineBreakTag().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), "\u2028")
            .Split('\n');
        var lines = new List<SourceLine>(raw.Length);
        bool blank = false;
        for (int i = 0; i < raw.Length; i++)
        {
            string line = raw[i];
            if (!line.TrimStart().StartsWith('|') && line.Contains('\u2028', StringComparison.Ordinal)) line = line.Replace('\u2028', ' ');
            if (string.IsNullOrWhiteSpace(line))
            {
                blank = true;
                continue;
            }
            string trimmed = line.Trim();
            if (trimmed.StartsWith("- |", StringComparison.Ordinal)) trimmed = trimmed[2..];
            if (trimmed.StartsWith('|'))
            {
                // A row whose cell text wrapped onto the next lines ends only where a line ends with '|'.
                while (!trimmed.EndsWith('|') && i + 1 < raw.Length && !string.IsNullOrWhiteSpace(raw[i + 1]))
                {
                    trimmed += "\n" + raw[++i].Trim();
                }
                if (TableSeparator().IsMatch(trimmed)) continue;
                var cells = trimmed.Trim('|').Split('|').Select(CleanCell).ToList();
                if (cells.All(c => c.Length == 0)) continue;
                lines.Add(new SourceLine(string.Join(' ', cells.Where(c => c.Length > 0)).Replace('\n', ' '))
                {
                    Cells = cells,
                    BlankBefore = blank,
                });
                blank = false;
                continue;
            }

            bool heading = HeadingMark().IsMatch(line);
            string body = BackslashBreak().Replace(HeadingMark().Replace(line, ""), "").Trim();
            bool bold = body.StartsWith("**", StringComparison.Ordinal) && body.EndsWith("**", StringComparison.Ordinal) && body.Length > 4;
            string[] columns = Columns().Split(body.Trim());
            string clean = CleanInline(body);
            if (clean.Length == 0)
            {
                blank = true;
                continue;
            }
            var columnTexts = columns.Select(CleanInline).Where(c => c.Length > 0).ToList();
            lines.Add(new SourceLine(clean)
            {
                Bold = bold,
                Heading = heading,
                BlankBefore = blank,
                Cells = columnTexts.Count > 1 ? columnTexts : null,
                SpacedColumns = columnTexts.Count > 1,
            });
            blank = false;
        }
        return lines;
    }

    private static string CleanCell(string cell) =>
        string.Join('\n', cell.Split('\n', '\u2028').Select(CleanInline).Where(c => c.Length > 0));

    /// <summary>Removes Markdown emphasis; a lone "*" (the Party header's asterisk) is kept.</summary>
    public static string CleanInline(string text)
    {
        string clean = VnText.Clean(text);
        if (clean == "*") return clean;
        clean = Strong().Replace(clean, "");
        clean = Emphasis().Replace(clean, "");
        return VnText.Clean(clean);
    }
}
