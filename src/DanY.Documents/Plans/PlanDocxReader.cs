using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanY.Documents.Plans;

/// <summary>
/// Reads a DOCX plan into lines, in document order: paragraphs with their automatic numbering rendered
/// ("1.", "1.1.", "a)", "-"), bold and heading styles noted, soft line breaks kept as line breaks. Layout
/// tables of one or two columns (the header block, "Nơi nhận" beside the signature) are read column by
/// column as ordinary lines; wider tables (task tables) become table rows.
/// </summary>
public static class PlanDocxReader
{
    /// <summary>Bounds the decompressed size of a part, against ZIP bombs.</summary>
    private const long MaxCharactersInPart = 40_000_000;

    public static IReadOnlyList<SourceLine> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            Body body = document.MainDocumentPart?.Document?.Body
                ?? throw new PlanReadException("Tệp DOCX không có nội dung văn bản. / The DOCX file has no document body.");
            var reader = new Reader(document.MainDocumentPart!);
            var lines = new List<SourceLine>();
            foreach (OpenXmlElement element in body.ChildElements)
            {
                reader.Element(element, lines);
            }
            return lines;
        }
        catch (PlanReadException)
        {
            throw;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            throw new PlanReadException(
                "Không đọc được tệp DOCX (tệp hỏng hoặc không phải DOCX). / Cannot read the DOCX file (damaged or not a DOCX).", e);
        }
    }

    private sealed class Reader(MainDocumentPart main)
    {
        private readonly Numbering? numbering = main.NumberingDefinitionsPart?.Numbering;
        private readonly Styles? styles = main.StyleDefinitionsPart?.Styles;
        private readonly Dictionary<int, int[]> counters = [];

        public void Element(OpenXmlElement element, List<SourceLine> lines)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    Paragraph(paragraph, lines, blankBefore: true);
                    break;
                case Table table:
                    Table(table, lines);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    foreach (OpenXmlElement child in content.ChildElements) Element(child, lines);
                    break;
            }
        }

        private void Paragraph(Paragraph paragraph, List<SourceLine> lines, bool blankBefore)
        {
            string text = Text(paragraph);
            string prefix = NumberText(paragraph);
            string[] pieces = text.Split('\n');
            bool bold = IsBold(paragraph);
            bool heading = IsHeading(paragraph);
            for (int i = 0; i < pieces.Length; i++)
            {
                string clean = VnText.Clean((i == 0 && prefix.Length > 0 ? prefix + " " : "") + pieces[i]);
                if (clean.Length == 0) continue;
                lines.Add(new SourceLine(clean) { Bold = bold, Heading = heading, BlankBefore = blankBefore && i == 0 });
            }
        }

        private void Table(Table table, List<SourceLine> lines)
        {
            var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().ToList()).ToList();
            int width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
            if (width <= 2)
            {
                // A layout table: read each column top to bottom, so the header's left block stays together.
                for (int column = 0; column < width; column++)
                {
                    foreach (var row in rows)
                    {
                        if (column >= row.Count) continue;
                        foreach (OpenXmlElement child in row[column].ChildElements) Element(child, lines);
                    }
                }
                return;
            }
            foreach (var row in rows)
            {
                var cells = row.Select(CellText).ToList();
                if (cells.All(c => c.Length == 0)) continue;
                lines.Add(new SourceLine(string.Join(' ', cells.Where(c => c.Length > 0)).Replace('\n', ' ')) { Cells = cells, BlankBefore = true });
            }
        }

        private string CellText(TableCell cell)
        {
            var inner = new List<SourceLine>();
            foreach (OpenXmlElement child in cell.ChildElements) Element(child, inner);
            return string.Join('\n', inner.Select(l => l.Text));
        }

        private static string Text(Paragraph paragraph)
        {
            var builder = new StringBuilder();
            foreach (OpenXmlElement element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text t:
                        builder.Append(t.Text);
                        break;
                    case TabChar:
                        builder.Append(' ');
                        break;
                    case Break or CarriageReturn:
                        builder.Append('\n');
                        break;
                    case NoBreakHyphen:
                        builder.Append('-');
                        break;
                }
            }
            return builder.ToString();
        }

        private bool IsBold(Paragraph paragraph)
        {
            string? styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            bool styleBold = StyleBold(styleId, 0);
            bool any = false;
            foreach (Run run in paragraph.Descendants<Run>())
            {
                if (string.IsNullOrWhiteSpace(run.InnerText)) continue;
                any = true;
                Bold? b = run.RunProperties?.Bold;
                bool bold = b is null ? styleBold : b.Val is null || b.Val.Value;
                if (!bold) return false;
            }
            return any;
        }

        private bool StyleBold(string? styleId, int depth)
        {
            if (styleId is null || styles is null || depth > 5) return false;
            Style? style = styles.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
            if (style is null) return false;
            if (style.StyleRunProperties?.Bold is { } bold) return bold.Val is null || bold.Val.Value;
            return StyleBold(style.BasedOn?.Val?.Value, depth + 1);
        }

        private static bool IsHeading(Paragraph paragraph)
        {
            string? styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            return styleId is not null && (styleId.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || styleId.Equals("Title", StringComparison.OrdinalIgnoreCase))
                || paragraph.ParagraphProperties?.OutlineLevel is not null;
        }

        private NumberingProperties? NumberingOf(Paragraph paragraph)
        {
            if (paragraph.ParagraphProperties?.NumberingProperties is { } direct) return direct;
            string? styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            Style? style = styleId is null ? null : styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
            return style?.StyleParagraphProperties?.NumberingProperties;
        }

        /// <summary>The number Word would show before the paragraph: "1.", "1.2.", "a)", "-" for bullets.</summary>
        private string NumberText(Paragraph paragraph)
        {
            if (numbering is null || NumberingOf(paragraph) is not { } properties) return "";
            int? numId = properties.NumberingId?.Val?.Value;
            int level = properties.NumberingLevelReference?.Val?.Value ?? 0;
            if (numId is null or 0 || level is < 0 or > 8) return "";
            NumberingInstance? instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            int? abstractId = instance?.AbstractNumId?.Val?.Value;
            AbstractNum? abstractNum = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (abstractNum is null) return "";
            Level[] levels = abstractNum.Elements<Level>().ToArray();
            Level? definition = levels.FirstOrDefault(l => l.LevelIndex?.Value == level);
            if (definition is null) return "";

            if (!counters.TryGetValue(numId.Value, out int[]? values))
            {
                values = new int[9];
                for (int i = 0; i < 9; i++) values[i] = (levels.FirstOrDefault(l => l.LevelIndex?.Value == i)?.StartNumberingValue?.Val?.Value ?? 1) - 1;
                counters[numId.Value] = values;
            }
            values[level]++;
            for (int deeper = level + 1; deeper < 9; deeper++)
            {
                values[deeper] = (levels.FirstOrDefault(l => l.LevelIndex?.Value == deeper)?.StartNumberingValue?.Val?.Value ?? 1) - 1;
            }

            string format = definition.NumberingFormat?.Val?.InnerText ?? "decimal";
            if (format == "bullet") return "-";
            string template = definition.LevelText?.Val?.Value ?? "%" + (level + 1).ToString(CultureInfo.InvariantCulture) + ".";
            var result = new StringBuilder();
            for (int i = 0; i < template.Length; i++)
            {
                if (template[i] == '%' && i + 1 < template.Length && char.IsDigit(template[i + 1]))
                {
                    int referenced = template[++i] - '1';
                    string referencedFormat = levels.FirstOrDefault(l => l.LevelIndex?.Value == referenced)?.NumberingFormat?.Val?.InnerText ?? "decimal";
                    result.Append(Format(referenced >= 0 && referenced < 9 ? Math.Max(values[referenced], 1) : 1, referenced == level ? format : referencedFormat));
                }
                else
                {
                    result.Append(template[i]);
                }
            }
            return result.ToString().Trim();
        }

        private static string Format(int value, string format) => format switch
        {
            "upperRoman" => Roman(value),
            "lowerRoman" => Roman(value).ToLowerInvariant(),
            "upperLetter" => ((char)('A' + (value - 1) % 26)).ToString(),
            "lowerLetter" => ((char)('a' + (value - 1) % 26)).ToString(),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };

        private static string Roman(int value)
        {
            (int, string)[] numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var builder = new StringBuilder();
            foreach (var (amount, numeral) in numerals)
            {
                while (value >= amount)
                {
                    builder.Append(numeral);
                    value -= amount;
                }
            }
            return builder.ToString();
        }
    }
}
