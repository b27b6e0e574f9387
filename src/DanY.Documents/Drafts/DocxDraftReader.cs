using System.Globalization;
using System.Text;
using System.Xml;
using DanY.Documents.Intake;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanY.Documents.Drafts;

/// <summary>
/// Reads a draft from DOCX. Two shapes are recognised: documents whose headings use Word heading
/// styles (or outline levels), and documents — the usual case for Party drafts — whose headings are
/// ordinary bold or capitalised paragraphs that start with a number ("Phần thứ nhất", "I.", "1.",
/// "1.1.", "a)"), possibly typed by Word's automatic numbering. A bold number and phrase followed by
/// plain text in the same paragraph ("1. Về kinh tế: Tăng trưởng...") is a run-in heading.
/// </summary>
public static class DocxDraftReader
{
    private const int MaxHeadingLength = 400;

    public static DraftOutline Read(Stream input, UploadLimits? limits = null)
    {
        limits ??= UploadLimits.Default;
        using MemoryStream package = PackageGuard.Open(input, PackageKind.Docx, limits);
        try
        {
            using var doc = WordprocessingDocument.Open(package, false, new OpenSettings
            {
                MaxCharactersInPart = limits.MaxDecompressedBytes,
            });
            MainDocumentPart main = doc.MainDocumentPart ?? throw PackageGuard.WrongKind(PackageKind.Docx, null);
            Body body = main.Document?.Body ?? throw PackageGuard.WrongKind(PackageKind.Docx, null);
            var styles = new StyleIndex(main.StyleDefinitionsPart?.Styles);
            var numbering = new NumberingCounter(main.NumberingDefinitionsPart?.Numbering, styles);
            var paragraphs = new List<ParagraphInfo>();
            Collect(body, styles, numbering, paragraphs, limits.MaxParagraphs);
            return Build(paragraphs, limits);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or XmlException or InvalidDataException or IOException or InvalidOperationException)
        {
            throw PackageGuard.Corrupt(ex);
        }
    }

    private static DraftOutline Build(List<ParagraphInfo> paragraphs, UploadLimits limits)
    {
        var builder = new OutlineBuilder(limits.MaxParagraphs);
        bool styled = paragraphs.Count(p => p.HeadingLevel > 0) >= 2;
        string title = string.Join(" ", paragraphs.Where(p => p.IsTitleStyle).Select(p => p.Text));
        var preamble = new List<ParagraphInfo>();
        bool started = false;
        bool awaitingTitle = false;

        foreach (ParagraphInfo p in paragraphs)
        {
            if (p.IsTitleStyle) continue;
            if (awaitingTitle)
            {
                awaitingTitle = false;
                if (HeadingNumbering.TryParse(p.Text) is null && (p.BoldFraction >= 0.8 || p.IsCaps) && builder.TryCompleteEmptyHeading(p.Text)) continue;
            }
            HeadingLabel? label = HeadingNumbering.TryParse(p.Text);
            if (styled)
            {
                if (p.HeadingLevel > 0)
                {
                    started = true;
                    builder.AddHeading(p.HeadingLevel, label, label?.Rest ?? p.Text);
                    awaitingTitle = label is { Rest.Length: 0 };
                    continue;
                }
            }
            else if (label is not null && p.Text.Length <= MaxHeadingLength)
            {
                bool emphasised = p.BoldFraction >= 0.8 || (label.Kind != NumberingKind.Arabic && label.Kind != NumberingKind.Letter && IsCaps(label.Rest))
                    || (label.Kind == NumberingKind.Letter && p.ItalicFraction >= 0.8) || (label.Kind == NumberingKind.Part && label.Rest.Length == 0);
                if (emphasised)
                {
                    started = true;
                    builder.AddHeading(Rank(label), label, label.Rest);
                    awaitingTitle = label.Rest.Length == 0;
                    continue;
                }
                // Run-in heading: the bold number and phrase lead a paragraph that goes on in plain text.
                if (p.BoldPrefix.Length >= label.Label.Length + 3)
                {
                    HeadingLabel? boldLabel = HeadingNumbering.TryParse(p.BoldPrefix);
                    if (boldLabel is not null && boldLabel.Kind == label.Kind && boldLabel.Rest.Length > 0)
                    {
                        started = true;
                        builder.AddHeading(Rank(label), label, boldLabel.Rest.TrimEnd(':', '.', ' ', ';'));
                        builder.AddParagraph(p.Text[Math.Min(p.BoldPrefix.Length, p.Text.Length)..].TrimStart(':', '.', ' ', ';'));
                        continue;
                    }
                }
            }
            if (!started) preamble.Add(p);
            builder.AddParagraph(p.Text);
        }
        if (title.Length == 0) title = GuessTitle(preamble);
        if (builder.SectionCount == 0)
        {
            builder.Warn("Không nhận ra đề mục nào (Phần, I., 1., a) hoặc kiểu Heading); toàn bộ văn bản là phần mở đầu.");
        }
        return builder.Build(title);
    }

    private static int Rank(HeadingLabel label) => label.Kind switch
    {
        NumberingKind.Part => 0,
        NumberingKind.Roman => 1,
        NumberingKind.Arabic => 1 + label.Numbers.Count,
        _ => 20,
    };

    private static string GuessTitle(List<ParagraphInfo> preamble)
    {
        // Bold lines first (the header's superior body is plain caps), plain capitals as a fallback.
        string bold = GuessTitle(preamble, static p => p.BoldFraction >= 0.8);
        return bold.Length > 0 ? bold : GuessTitle(preamble, static p => p.IsCaps);
    }

    private static string GuessTitle(List<ParagraphInfo> preamble, Func<ParagraphInfo, bool> emphasised)
    {
        string[] headerLines = ["ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "DỰ THẢO", "*"];
        var lines = new List<string>();
        foreach (ParagraphInfo p in preamble)
        {
            string upper = p.Text.ToUpperInvariant();
            bool header = headerLines.Any(h => upper.StartsWith(h, StringComparison.Ordinal)) || upper.StartsWith("SỐ ", StringComparison.Ordinal)
                || upper.StartsWith("SỐ:", StringComparison.Ordinal) || p.Italic;
            if (!header && emphasised(p) && p.Text.Length <= 300)
            {
                lines.Add(p.Text);
                if (lines.Count == 3) break;
            }
            else if (lines.Count > 0)
            {
                break;
            }
        }
        return string.Join(" ", lines);
    }

    private static bool IsCaps(string s)
    {
        bool letters = false;
        foreach (char c in s)
        {
            if (!char.IsLetter(c)) continue;
            letters = true;
            if (char.IsLower(c)) return false;
        }
        return letters;
    }

    private static void Collect(OpenXmlElement container, StyleIndex styles, NumberingCounter numbering, List<ParagraphInfo> output, int max)
    {
        foreach (OpenXmlElement child in container.ChildElements)
        {
            if (output.Count > max)
            {
                throw new DocumentRejectedException(RejectionReason.TooManyParagraphs,
                    $"Dự thảo có quá nhiều đoạn văn (tối đa {max}).", $"The draft has too many paragraphs (limit {max}).");
            }
            switch (child)
            {
                case Paragraph p:
                    ParagraphInfo? info = Describe(p, styles, numbering);
                    if (info is not null) output.Add(info);
                    break;
                case Table t:
                    foreach (TableRow row in t.Elements<TableRow>())
                    {
                        string text = string.Join(" | ", row.Elements<TableCell>()
                            .Select(c => OutlineBuilder.Clean(string.Join(" ", c.Elements<Paragraph>().Select(PlainText))))
                            .Where(s => s.Length > 0));
                        if (text.Length > 0) output.Add(new ParagraphInfo(text, 0, 0, "", 0, false, false, false));
                    }
                    break;
                case SdtBlock or SdtContentBlock or CustomXmlBlock:
                    Collect(child, styles, numbering, output, max);
                    break;
            }
        }
    }

    private static string PlainText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (Run r in p.Descendants<Run>()) AppendRunText(r, sb);
        return sb.ToString();
    }

    private static void AppendRunText(Run r, StringBuilder sb)
    {
        foreach (OpenXmlElement e in r.ChildElements)
        {
            switch (e)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar or Break or CarriageReturn: sb.Append(' '); break;
                case NoBreakHyphen: sb.Append('-'); break;
            }
        }
    }

    private static ParagraphInfo? Describe(Paragraph p, StyleIndex styles, NumberingCounter numbering)
    {
        string? styleId = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var sb = new StringBuilder();
        int boldChars = 0, italicChars = 0, visible = 0;
        int boldPrefixEnd = 0;
        bool prefixOpen = true;
        foreach (Run r in p.Descendants<Run>())
        {
            int start = sb.Length;
            AppendRunText(r, sb);
            if (sb.Length == start) continue;
            bool bold = styles.IsBold(r.RunProperties, styleId);
            bool italic = styles.IsItalic(r.RunProperties, styleId);
            for (int i = start; i < sb.Length; i++)
            {
                if (char.IsWhiteSpace(sb[i])) continue;
                visible++;
                if (bold) boldChars++;
                if (italic) italicChars++;
                if (prefixOpen)
                {
                    if (bold) boldPrefixEnd = i + 1;
                    else prefixOpen = false;
                }
            }
        }
        string raw = sb.ToString();
        string? auto = numbering.Next(p, styleId);
        if (auto is { Length: > 0 })
        {
            // Word's automatic numbering is not in the text; the label inherits the paragraph's emphasis.
            raw = auto + " " + raw;
            if (boldChars * 5 >= visible * 4) boldPrefixEnd += auto.Length + 1;
        }
        string text = OutlineBuilder.Clean(raw);
        if (text.Length == 0) return null;
        string boldPrefix = OutlineBuilder.Clean(raw[..Math.Min(boldPrefixEnd, raw.Length)]);
        int level = styles.HeadingLevel(p.ParagraphProperties, styleId);
        double boldFraction = visible == 0 ? 0 : (double)boldChars / visible;
        double italicFraction = visible == 0 ? 0 : (double)italicChars / visible;
        return new ParagraphInfo(text, boldFraction, italicFraction, boldPrefix, level, styles.IsTitle(styleId), IsCaps(text), italicFraction >= 0.8);
    }

    private sealed record ParagraphInfo(string Text, double BoldFraction, double ItalicFraction, string BoldPrefix,
        int HeadingLevel, bool IsTitleStyle, bool IsCaps, bool Italic);

    private sealed class StyleIndex
    {
        private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);

        public StyleIndex(Styles? styles)
        {
            if (styles is null) return;
            foreach (Style s in styles.Elements<Style>())
            {
                if (s.StyleId?.Value is { } id) _styles.TryAdd(id, s);
            }
        }

        public Style? Get(string? id) => id is not null && _styles.TryGetValue(id, out Style? s) ? s : null;

        public bool IsBold(RunProperties? rp, string? paragraphStyle) =>
            Flag(rp?.Bold) ?? RunStyleFlag(rp?.RunStyle?.Val?.Value, static s => s.StyleRunProperties?.Bold)
            ?? RunStyleFlag(paragraphStyle, static s => s.StyleRunProperties?.Bold) ?? false;

        public bool IsItalic(RunProperties? rp, string? paragraphStyle) =>
            Flag(rp?.Italic) ?? RunStyleFlag(rp?.RunStyle?.Val?.Value, static s => s.StyleRunProperties?.Italic)
            ?? RunStyleFlag(paragraphStyle, static s => s.StyleRunProperties?.Italic) ?? false;

        public bool IsTitle(string? styleId)
        {
            string? name = Get(styleId)?.StyleName?.Val?.Value;
            return string.Equals(name, "Title", StringComparison.OrdinalIgnoreCase);
        }

        public int HeadingLevel(ParagraphProperties? pp, string? styleId)
        {
            int? outline = pp?.OutlineLevel?.Val?.Value;
            if (outline is >= 0 and < 9) return outline.Value + 1;
            Style? s = Get(styleId);
            for (int depth = 0; s is not null && depth < 10; depth++)
            {
                string name = s.StyleName?.Val?.Value ?? "";
                if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(name.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 9)
                {
                    return n;
                }
                int? lvl = s.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
                if (lvl is >= 0 and < 9) return lvl.Value + 1;
                s = Get(s.BasedOn?.Val?.Value);
            }
            return 0;
        }

        public NumberingProperties? StyleNumbering(string? styleId)
        {
            Style? s = Get(styleId);
            for (int depth = 0; s is not null && depth < 10; depth++)
            {
                if (s.StyleParagraphProperties?.NumberingProperties is { } np) return np;
                s = Get(s.BasedOn?.Val?.Value);
            }
            return null;
        }

        private bool? RunStyleFlag(string? styleId, Func<Style, OnOffType?> pick)
        {
            Style? s = Get(styleId);
            for (int depth = 0; s is not null && depth < 10; depth++)
            {
                if (Flag(pick(s)) is { } v) return v;
                s = Get(s.BasedOn?.Val?.Value);
            }
            return null;
        }

        private static bool? Flag(OnOffType? t) => t is null ? null : t.Val is null || t.Val.Value;
    }

    /// <summary>Re-creates the labels Word draws for automatically numbered paragraphs.</summary>
    private sealed class NumberingCounter
    {
        private readonly Dictionary<int, AbstractNum> _byNumId = [];
        private readonly Dictionary<int, int[]> _counters = [];
        private readonly StyleIndex _styles;

        public NumberingCounter(Numbering? numbering, StyleIndex styles)
        {
            _styles = styles;
            if (numbering is null) return;
            var abstracts = numbering.Elements<AbstractNum>()
                .Where(a => a.AbstractNumberId?.Value is not null)
                .GroupBy(a => a.AbstractNumberId!.Value)
                .ToDictionary(g => g.Key, g => g.First());
            foreach (NumberingInstance n in numbering.Elements<NumberingInstance>())
            {
                if (n.NumberID?.Value is int id && n.AbstractNumId?.Val?.Value is int aid && abstracts.TryGetValue(aid, out AbstractNum? a))
                {
                    _byNumId[id] = a;
                }
            }
        }

        public string? Next(Paragraph p, string? styleId)
        {
            NumberingProperties? np = p.ParagraphProperties?.NumberingProperties ?? _styles.StyleNumbering(styleId);
            int? numId = np?.NumberingId?.Val?.Value;
            if (numId is null or 0 || !_byNumId.TryGetValue(numId.Value, out AbstractNum? abs)) return null;
            int ilvl = Math.Clamp(np?.NumberingLevelReference?.Val?.Value ?? 0, 0, 8);
            Level? level = abs.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == ilvl);
            if (level is null) return null;
            if (!_counters.TryGetValue(numId.Value, out int[]? counters))
            {
                counters = new int[9];
                _counters[numId.Value] = counters;
            }
            int start = level.StartNumberingValue?.Val?.Value ?? 1;
            counters[ilvl] = counters[ilvl] == 0 ? start : counters[ilvl] + 1;
            for (int i = ilvl + 1; i < 9; i++) counters[i] = 0;
            if (level.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet) return null;
            string pattern = level.LevelText?.Val?.Value ?? "";
            var sb = new StringBuilder();
            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '%' && i + 1 < pattern.Length && char.IsAsciiDigit(pattern[i + 1]))
                {
                    int k = pattern[i + 1] - '1';
                    if (k >= 0 && k < 9)
                    {
                        Level? lk = abs.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == k);
                        int value = Math.Max(counters[k], lk?.StartNumberingValue?.Val?.Value ?? 1);
                        sb.Append(Format(value, lk?.NumberingFormat?.Val?.Value));
                    }
                    i++;
                    continue;
                }
                sb.Append(pattern[i]);
            }
            return sb.ToString().Trim();
        }

        private static string Format(int value, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.UpperRoman) return HeadingNumbering.ToRoman(value);
            if (format == NumberFormatValues.LowerRoman) return HeadingNumbering.ToRoman(value).ToLowerInvariant();
            if (format == NumberFormatValues.LowerLetter) return ((char)('a' + ((value - 1) % 26))).ToString();
            if (format == NumberFormatValues.UpperLetter) return ((char)('A' + ((value - 1) % 26))).ToString();
            return value.ToString(CultureInfo.InvariantCulture);
        }
    }
}
