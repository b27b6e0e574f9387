using System.Text.RegularExpressions;

namespace DanY.Documents.Plans;

/// <summary>A paragraph of the body after joining broken lines, with its list marker read off.</summary>
public sealed record Block(string Text, int Level, bool IsHeading, string? Marker)
{
    /// <summary>Table cells when the block is a table row.</summary>
    public IReadOnlyList<string>? Cells { get; init; }

    /// <summary>A top-level part: "I - MỤC ĐÍCH, YÊU CẦU", "III. TỔ CHỨC THỰC HIỆN".</summary>
    public bool IsSection => IsHeading && Level == 0;
}

/// <summary>The zones of a plan: header, title, body (preamble and parts), recipients.</summary>
public sealed record PlanZones(
    IReadOnlyList<SourceLine> Header,
    string? Title,
    IReadOnlyList<Block> Body,
    IReadOnlyList<SourceLine> Recipients);

/// <summary>
/// Splits a plan's lines into zones and rebuilds paragraphs that page breaks and hard wraps cut ("theo dõi,"
/// + blank lines + "nắm tình hình ..." is one sentence). Headings are told from items by their markers and
/// by not ending a sentence: "1.2 Hội nghị phản biện ..." is a heading, "(1) Hội nghị ... Thành phố." an item.
/// </summary>
public static partial class PlanLayout
{
    private static readonly Regex TitleWord = VnText.Rx(@"^(?:kế hoạch|hướng dẫn|chương trình|đề án)(?![\p{L}])");
    private static readonly Regex PreambleStart = VnText.Rx(@"^(?:căn cứ|thực hiện|triển khai|theo|trên cơ sở|thi hành|để|nhằm|quán triệt)(?![\p{L}])");
    private static readonly Regex EndOfBody = VnText.Rx(@"^(?:nơi nhận|t/m|tm\.|k/t|kt\.|t/l|tl\.|tuq\.)");
    internal static readonly Regex NumberLine = VnText.Rx(@"^số\s*:?\s*\d{1,5}\s*[-/]");
    internal static readonly Regex PlaceDate = VnText.Rx(@"^[^,]{2,40},\s*ngày\s*(?:\d|\.|…|\s)");
    private static readonly Regex Separator = new(@"^[\s*\-_=~.…]+$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^(?:(?:PHẦN\s+)?(?<roman>[IVX]{1,4}|[A-E])(?:\s*[.\-–):/]\s*|\s+(?=\p{Lu}\p{Lu}))|(?<num>\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}[.)])\s+|\((?<paren>\d{1,2}|[a-zđ])\)\s*|(?<letter>[a-zđ])\s*[).]\s+|(?<bullet>[-+•*–])\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    public static PlanZones Split(IReadOnlyList<SourceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int titleIndex = -1;
        for (int i = 0; i < Math.Min(lines.Count, 80); i++)
        {
            SourceLine line = lines[i];
            if (line.IsTableRow) continue;
            string words = string.Join(' ', line.Text.Split(' ').Take(2));
            if (TitleWord.IsMatch(VnText.Key(line.Text)) && VnText.IsUpper(words))
            {
                titleIndex = i;
                break;
            }
        }

        int bodyStart;
        string? title = null;
        List<SourceLine> header;
        if (titleIndex >= 0)
        {
            header = lines.Take(titleIndex).ToList();
            var titleParts = new List<string>();
            string first = lines[titleIndex].Text;
            Match typeWord = TitleWord.Match(VnText.Key(first));
            string rest = first[typeWord.Length..].Trim();
            if (rest.Length > 0) titleParts.Add(rest);
            bool bold = lines[titleIndex].Bold;
            int i = titleIndex + 1;
            for (; i < lines.Count && titleParts.Count < 6; i++)
            {
                SourceLine line = lines[i];
                string key = VnText.Key(line.Text);
                // A summary may itself begin "triển khai ..." or "thực hiện ...": only "Căn cứ", or such a word
                // after the summary has begun, or a long paragraph, opens the preamble.
                bool preamble = PreambleStart.IsMatch(key) && (titleParts.Count > 0 || key.StartsWith("căn cư", StringComparison.Ordinal) || line.Text.Length > 250);
                if (line.IsTableRow || preamble || EndOfBody.IsMatch(key) || NumberLine.IsMatch(key) || PlaceDate.IsMatch(key)) break;
                if (Separator.IsMatch(line.Text))
                {
                    i++;
                    break;
                }
                if (line.Text.Length > 300 || MarkerPattern().Match(line.Text) is { Success: true, Groups: var g } && (g["roman"].Success || g["num"].Success)) break;
                if (titleParts.Count > 0 && bold && !line.Bold) break;
                titleParts.Add(line.Text);
            }
            bodyStart = i;
            title = titleParts.Count > 0 ? string.Join(' ', titleParts).Trim() : null;
        }
        else
        {
            // No document-type line: the header runs to the first paragraph of the preamble.
            bodyStart = 0;
            while (bodyStart < lines.Count && bodyStart < 20 && !PreambleStart.IsMatch(VnText.Key(lines[bodyStart].Text))) bodyStart++;
            if (bodyStart >= Math.Min(lines.Count, 20)) bodyStart = 0;
            header = lines.Take(bodyStart).ToList();
        }

        int bodyEnd = lines.Count;
        for (int i = bodyStart; i < lines.Count; i++)
        {
            string first = lines[i].Cells is { Count: > 0 } cells ? cells[0] : lines[i].Text;
            if (EndOfBody.IsMatch(VnText.Key(first.TrimStart('-', ' ')))) { bodyEnd = i; break; }
        }
        return new PlanZones(header, title, Blocks(lines.Skip(bodyStart).Take(bodyEnd - bodyStart).ToList()), lines.Skip(bodyEnd).ToList());
    }

    /// <summary>Joins broken lines into paragraphs and reads their markers.</summary>
    public static IReadOnlyList<Block> Blocks(IReadOnlyList<SourceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int blanks = lines.Count(l => l.BlankBefore);
        bool markdownStyle = lines.Count > 0 && blanks >= lines.Count * 0.3;
        var paragraphs = new List<(string Text, bool Heading, bool Bold, IReadOnlyList<string>? Cells)>();
        foreach (SourceLine line in lines)
        {
            if (line.IsTableRow && line.Cells!.Count > 1)
            {
                paragraphs.Add((line.Text, false, false, line.Cells));
                continue;
            }
            if (Separator.IsMatch(line.Text)) continue;
            if (paragraphs.Count > 0)
            {
                var previous = paragraphs[^1];
                bool previousEnds = previous.Text.Length > 0 && ".:!?".Contains(previous.Text[^1], StringComparison.Ordinal);
                bool startsLower = char.IsLower(line.Text[0]);
                bool marker = HasMarker(line.Text);
                bool join = previous.Cells is null && !previous.Heading && !line.Heading && !marker && !previousEnds &&
                    (startsLower || (markdownStyle && !line.BlankBefore && !IsHeadingLike(previous.Text, previous.Bold)));
                if (join)
                {
                    paragraphs[^1] = (previous.Text + " " + line.Text, false, previous.Bold && line.Bold, null);
                    continue;
                }
            }
            paragraphs.Add((line.Text, line.Heading, line.Bold, null));
        }

        var blocks = new List<Block>(paragraphs.Count);
        foreach (var (text, heading, bold, cells) in paragraphs)
        {
            if (cells is not null)
            {
                blocks.Add(new Block(text, 5, false, null) { Cells = cells });
                continue;
            }
            Match marker = MarkerPattern().Match(text);
            string content = marker.Success ? text[marker.Length..].Trim() : text;
            if (content.Length == 0) continue;
            int level;
            string? markerText = marker.Success ? marker.Value.Trim() : null;
            if (marker.Success && marker.Groups["roman"].Success && VnText.IsUpper(string.Join(' ', content.Split(' ').Take(2))) && content.Length < 160)
            {
                level = 0;
            }
            else if (marker.Success && marker.Groups["num"].Success)
            {
                level = marker.Groups["num"].Value.Split(['.', ')'], StringSplitOptions.RemoveEmptyEntries).Length;
                // "1. MỤC ĐÍCH, YÊU CẦU": plans that number their parts with figures write the part in capitals.
                if (level == 1 && VnText.IsUpper(content) && content.Length < 120) level = 0;
            }
            else if (marker.Success && (marker.Groups["paren"].Success || marker.Groups["letter"].Success))
            {
                level = 4;
            }
            else if (marker.Success && marker.Groups["bullet"].Success)
            {
                level = 5;
            }
            else
            {
                level = 6;
                markerText = null;
                content = text;
            }
            bool endsSentence = content.Length > 0 && ".;!?".Contains(content[^1], StringComparison.Ordinal);
            bool isHeading = level == 0
                || (!endsSentence && content.Length < 220 && (heading || level is >= 1 and <= 4 || (bold && level == 6) || (level == 6 && VnText.IsUpper(content))));
            blocks.Add(new Block(content, isHeading && level == 6 ? 3 : level, isHeading, markerText));
        }
        return blocks;
    }

    private static bool HasMarker(string text) => MarkerPattern().IsMatch(text);

    private static bool IsHeadingLike(string text, bool bold) =>
        bold || (text.Length < 220 && text.Length > 0 && !".;!?,".Contains(text[^1], StringComparison.Ordinal) && HasMarker(text));
}
