using System.Text;
using System.Text.RegularExpressions;
using DanY.Documents.Intake;

namespace DanY.Documents.Drafts;

/// <summary>
/// Reads a draft written in Markdown: ATX headings (<c>## PHẦN I. ...</c>), optionally ending with
/// an explicit reference <c>{#III.2.1}</c>; paragraphs are blocks of lines, list items and quotes
/// become paragraphs of their own. Without explicit references the numbering in the heading text,
/// or else the heading's position, gives the reference.
/// </summary>
public static partial class MarkdownDraftReader
{
    public static DraftOutline Read(Stream input, UploadLimits? limits = null)
    {
        limits ??= UploadLimits.Default;
        using MemoryStream buffer = PackageGuard.ReadBounded(input, limits);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentRejectedException(RejectionReason.BadEncoding,
                "Tệp Markdown không phải là văn bản UTF-8.", "The Markdown file is not UTF-8 text.", ex);
        }
        return Parse(text.TrimStart('\uFEFF'), limits);
    }

    public static DraftOutline Parse(string markdown, UploadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        limits ??= UploadLimits.Default;
        string[] lines = markdown.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        var headings = new List<(int Line, int Level, string Text, string? Ref)>();
        bool fenced = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            if (fenced) continue;
            Match m = Heading().Match(lines[i]);
            if (m.Success) headings.Add((i, m.Groups[1].Length, StripInline(m.Groups[2].Value), m.Groups[3].Success ? m.Groups[3].Value : null));
        }
        // A single level-1 heading before everything else is the document title.
        string title = "";
        int titleLine = -1;
        if (headings.Count > 0 && headings[0].Level == 1 && headings.Count(h => h.Level == 1) == 1)
        {
            title = headings[0].Text;
            titleLine = headings[0].Line;
        }

        var builder = new OutlineBuilder(limits.MaxParagraphs);
        var paragraph = new StringBuilder();
        void Flush()
        {
            if (paragraph.Length > 0) builder.AddParagraph(StripInline(paragraph.ToString()));
            paragraph.Clear();
        }
        int h = 0;
        fenced = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                fenced = !fenced;
                continue;
            }
            if (h < headings.Count && headings[h].Line == i)
            {
                Flush();
                var hd = headings[h++];
                if (i == titleLine) continue;
                HeadingLabel? label = HeadingNumbering.TryParse(hd.Text);
                string? explicitRef = hd.Ref;
                if (explicitRef is not null && !ValidRef().IsMatch(explicitRef))
                {
                    builder.Warn($"Mã tham chiếu “{explicitRef}” không hợp lệ, đã bỏ qua.");
                    explicitRef = null;
                }
                builder.AddHeading(hd.Level, label, label?.Rest ?? hd.Text, explicitRef);
                continue;
            }
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || HorizontalRule().IsMatch(trimmed))
            {
                Flush();
                continue;
            }
            Match item = ListItem().Match(trimmed);
            if (item.Success)
            {
                Flush();
                paragraph.Append(trimmed);
                continue;
            }
            if (paragraph.Length > 0) paragraph.Append(' ');
            paragraph.Append(trimmed.StartsWith('>') ? trimmed.TrimStart('>', ' ') : trimmed);
        }
        Flush();
        return builder.Build(title);
    }

    private static string StripInline(string text)
    {
        string s = Emphasis().Replace(text, "$2");
        s = Link().Replace(s, "$1");
        return s.Replace("`", "", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)\s*(?:\{#([^}\s]+)\})?\s*#*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}.\-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidRef();

    [GeneratedRegex(@"^([-*+]|\d+[.)])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^([-*_]\s*){3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
