using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using DanY.Documents.Intake;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace DanY.Documents.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as DOCX: A4, Times New Roman, the header as a borderless
/// two-column table laid out per Hướng dẫn 36-HD/VPTW (Party) or Nghị định 30/2020 (State), body
/// headings numbered I. / 1. / a), page numbers centred in the top margin from page 2, signature
/// block and "Nơi nhận".
/// </summary>
public static partial class DocxReportWriter
{
    public const string FontName = "Times New Roman";
    private const double A4WidthMm = 210;
    private const int BodyIndentTwips = 720;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] ToBytes(ReportDocument report)
    {
        using var ms = new MemoryStream();
        Write(report, ms);
        return ms.ToArray();
    }

    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        bool party = report.System == DocumentSystem.Party;
        double textWidthMm = A4WidthMm - report.Margins.LeftMm - report.Margins.RightMm;

        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        MainDocumentPart main = doc.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        main.Document = new Document(body);

        body.Append(party ? PartyHeader(report, textWidthMm) : StateHeader(report, textWidthMm));
        if (report.IsDraft) body.Append(Para(JustificationValues.Right, 0, R("DỰ THẢO", 14, bold: true)));

        body.Append(Spaced(Para(JustificationValues.Center, 0, R(Upper(report.TypeTitle), party ? 16 : 14, bold: true)), before: 360));
        if (!string.IsNullOrWhiteSpace(report.Summary)) body.Append(Para(JustificationValues.Center, 0, R(report.Summary, 14, bold: true)));
        body.Append(party ? Para(JustificationValues.Center, 0, R("-----", 14)) : Rule(30, textWidthMm));
        body.Append(Spaced(Para(JustificationValues.Left, 0), before: 0));

        AppendBody(main, body, report.Body, textWidthMm);
        body.Append(Para(JustificationValues.Left, 0));
        body.Append(SignatureBlock(report, textWidthMm));
        body.Append(Section(main, report, party));
        main.Document.Save();
    }

    private static Table PartyHeader(ReportDocument r, double textWidthMm)
    {
        double left = textWidthMm * 0.45, right = textWidthMm - left;
        const string heading = "ĐẢNG CỘNG SẢN VIỆT NAM";
        var leftTop = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(r.SuperiorBody)) leftTop.Add(Para(JustificationValues.Center, 0, R(Upper(r.SuperiorBody), 14)));
        leftTop.Add(Para(JustificationValues.Center, 0, R(Upper(r.IssuingBody), 14, bold: true)));
        leftTop.Add(Para(JustificationValues.Center, 0, R("*", 14)));
        var leftBottom = new List<OpenXmlElement> { Para(JustificationValues.Center, 0, R(r.NumberLine(), 14)) };
        if (!string.IsNullOrWhiteSpace(r.RestrictionMark)) leftBottom.Add(Para(JustificationValues.Center, 0, R(Upper(r.RestrictionMark), 13, bold: true)));
        // The rule under the heading is as long as the heading itself (36-HD, II.1.1).
        double headingWidth = Math.Min(TextMeasure.WidthMm(heading, 15, bold: true), right);
        var rightTop = new List<OpenXmlElement> { Para(JustificationValues.Center, 0, R(heading, 15, bold: true)), Rule(headingWidth, right) };
        var rightBottom = new List<OpenXmlElement> { Para(JustificationValues.Center, 0, R(r.PlaceAndDate(), 14, italic: true)) };
        return Grid([left, right], [[leftTop, rightTop], [leftBottom, rightBottom]], borders: false);
    }

    private static Table StateHeader(ReportDocument r, double textWidthMm)
    {
        double left = textWidthMm * 0.38, right = textWidthMm - left;
        const string nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        const string motto = "Độc lập - Tự do - Hạnh phúc";
        var leftTop = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(r.SuperiorBody)) leftTop.Add(Para(JustificationValues.Center, 0, R(Upper(r.SuperiorBody), 13)));
        string issuer = Upper(r.IssuingBody);
        leftTop.Add(Para(JustificationValues.Center, 0, R(issuer, 13, bold: true)));
        // ND 30: a rule a third to a half as long as the issuing body's line, under it.
        leftTop.Add(Rule(Math.Clamp(TextMeasure.WidthMm(issuer, 13, bold: true) * 0.4, 12, left * 0.5), left));
        var leftBottom = new List<OpenXmlElement> { Para(JustificationValues.Center, 0, R(r.NumberLine(), 13)) };
        if (!string.IsNullOrWhiteSpace(r.RestrictionMark)) leftBottom.Add(Para(JustificationValues.Center, 0, R(Upper(r.RestrictionMark), 13, bold: true)));
        double mottoWidth = Math.Min(TextMeasure.WidthMm(motto, 14, bold: true), right);
        var rightTop = new List<OpenXmlElement>
        {
            Para(JustificationValues.Center, 0, R(nation, 13, bold: true)),
            Para(JustificationValues.Center, 0, R(motto, 14, bold: true)),
            Rule(mottoWidth, right),
        };
        var rightBottom = new List<OpenXmlElement> { Para(JustificationValues.Center, 0, R(r.PlaceAndDate(), 14, italic: true)) };
        return Grid([left, right], [[leftTop, rightTop], [leftBottom, rightBottom]], borders: false);
    }

    private static Table SignatureBlock(ReportDocument r, double textWidthMm)
    {
        bool party = r.System == DocumentSystem.Party;
        double left = textWidthMm * 0.45, right = textWidthMm - left;
        var recipients = new List<OpenXmlElement>();
        if (r.Recipients.Count > 0)
        {
            recipients.Add(party
                ? Para(JustificationValues.Left, 0, R("Nơi nhận:", 14, underline: true))
                : Para(JustificationValues.Left, 0, R("Nơi nhận:", 12, bold: true, italic: true)));
            for (int i = 0; i < r.Recipients.Count; i++)
            {
                string line = TextSanitizer.Clean(r.Recipients[i], keepLineBreaks: false).TrimEnd(',', '.', ';');
                line = "- " + line.TrimStart('-', ' ') + (i == r.Recipients.Count - 1 ? "." : ",");
                recipients.Add(Para(JustificationValues.Left, 0, R(line, party ? 12 : 11)));
            }
        }
        var sign = new List<OpenXmlElement>();
        if (r.Signature is { } s)
        {
            sign.Add(Para(JustificationValues.Center, 0, R(Upper(s.Authority), 14, bold: true)));
            sign.Add(Para(JustificationValues.Center, 0, R(Upper(s.Title), 14, bold: true)));
            for (int i = 0; i < 4; i++) sign.Add(Para(JustificationValues.Center, 0));
            sign.Add(s.SignerName is { Length: > 0 } name
                ? Para(JustificationValues.Center, 0, R(name, 14, bold: true))
                : Para(JustificationValues.Center, 0, R("[Họ và tên]", 14, bold: true)));
        }
        Table t = Grid([left, right], [[recipients, sign]], borders: false);
        return t;
    }

    private static void AppendBody(MainDocumentPart main, Body body, IReadOnlyList<ReportBlock> blocks, double textWidthMm)
    {
        int[] counters = new int[4];
        uint imageId = 1;
        foreach (ReportBlock block in blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    int level = Math.Clamp(h.Level, 1, 4);
                    counters[level - 1]++;
                    for (int i = level; i < counters.Length; i++) counters[i] = 0;
                    string number = h.Number ?? level switch
                    {
                        1 => Drafts.HeadingNumbering.ToRoman(counters[0]) + ".",
                        2 => counters[1].ToString(CultureInfo.InvariantCulture) + ".",
                        3 => LetterFor(counters[2]) + ")",
                        _ => "-",
                    };
                    string text = level == 1 ? Upper(h.Text) : TextSanitizer.Clean(h.Text, keepLineBreaks: false);
                    Paragraph hp = Para(JustificationValues.Both, BodyIndentTwips, R(number + " " + text, 14, bold: level <= 3, italic: level >= 3));
                    hp.ParagraphProperties!.PrependChild(new ParagraphStyleId { Val = "Heading" + Math.Min(level, 3).ToString(CultureInfo.InvariantCulture) });
                    body.Append(KeepWithNext(Spaced(hp, before: 120)));
                    break;
                case ReportParagraph p:
                    body.Append(Spaced(Para(JustificationValues.Both, BodyIndentTwips, [.. p.Runs.Select(x => R(x.Text, 14, x.Bold, x.Italic, keepBreaks: true))]), before: 120));
                    break;
                case ReportBullet b:
                    body.Append(Spaced(Para(JustificationValues.Both, BodyIndentTwips, R("- " + b.Text.TrimStart('-', ' '), 14)), before: 60));
                    break;
                case ReportTable t:
                    if (t.Caption is { Length: > 0 }) body.Append(KeepWithNext(Spaced(Para(JustificationValues.Center, 0, R(t.Caption, 13, bold: true)), before: 120)));
                    body.Append(DataTable(t, textWidthMm));
                    body.Append(Para(JustificationValues.Left, 0));
                    break;
                case ReportImage img:
                    Paragraph picture = Spaced(Image(main, img, textWidthMm, imageId++), before: 120);
                    body.Append(img.Caption is { Length: > 0 } ? KeepWithNext(picture) : picture);
                    if (img.Caption is { Length: > 0 }) body.Append(Para(JustificationValues.Center, 0, R(img.Caption, 13, italic: true)));
                    break;
            }
        }
    }

    private static string LetterFor(int n)
    {
        // Vietnamese lists skip f, j, w, z: a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v, x, y.
        string[] letters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"];
        return letters[(n - 1) % letters.Length];
    }

    private static Table DataTable(ReportTable t, double textWidthMm)
    {
        int cols = Math.Max(t.Headers.Count, t.Rows.Count == 0 ? 0 : t.Rows.Max(r => r.Count));
        double[] weights = Enumerable.Range(0, cols).Select(i => t.ColumnWidths is { } w && i < w.Count && w[i] > 0 ? w[i] : 1.0).ToArray();
        double total = weights.Sum();
        double[] widths = weights.Select(w => textWidthMm * w / total).ToArray();
        var rows = new List<IReadOnlyList<List<OpenXmlElement>>>();
        rows.Add(Enumerable.Range(0, cols).Select(i => new List<OpenXmlElement>
        {
            Para(JustificationValues.Center, 0, R(i < t.Headers.Count ? t.Headers[i] : "", 13, bold: true)),
        }).ToArray());
        for (int ri = 0; ri < t.Rows.Count; ri++)
        {
            bool bold = t.BoldLastRow && ri == t.Rows.Count - 1;
            IReadOnlyList<string> row = t.Rows[ri];
            rows.Add(Enumerable.Range(0, cols).Select(i =>
            {
                string v = i < row.Count ? row[i] : "";
                JustificationValues just = NumberLike().IsMatch(v) ? JustificationValues.Right : JustificationValues.Left;
                return new List<OpenXmlElement> { Para(just, 0, R(v, 13, bold: bold)) };
            }).ToArray());
        }
        Table table = Grid(widths, rows, borders: true);
        TableRow header = table.Elements<TableRow>().First();
        header.TableRowProperties = new TableRowProperties(new TableHeader());
        foreach (TableCell c in header.Elements<TableCell>())
        {
            c.TableCellProperties!.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7E6E6", Color = "auto" });
        }
        return table;
    }

    private static Table Grid(double[] widthsMm, IReadOnlyList<IReadOnlyList<List<OpenXmlElement>>> rows, bool borders)
    {
        BorderValues kind = borders ? BorderValues.Single : BorderValues.None;
        uint size = borders ? 4u : 0u;
        var props = new TableProperties(
            new TableWidth { Width = Twips(widthsMm.Sum()).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = kind, Size = size }, new LeftBorder { Val = kind, Size = size },
                new BottomBorder { Val = kind, Size = size }, new RightBorder { Val = kind, Size = size },
                new InsideHorizontalBorder { Val = kind, Size = size }, new InsideVerticalBorder { Val = kind, Size = size }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TableCellLeftMargin { Width = borders ? (short)80 : (short)0, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = borders ? (short)80 : (short)0, Type = TableWidthValues.Dxa }));
        var table = new Table(props, new TableGrid(widthsMm.Select(w => new GridColumn { Width = Twips(w).ToString(CultureInfo.InvariantCulture) })));
        foreach (IReadOnlyList<List<OpenXmlElement>> row in rows)
        {
            var tr = new TableRow();
            for (int i = 0; i < widthsMm.Length; i++)
            {
                List<OpenXmlElement> content = i < row.Count ? row[i] : [];
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(widthsMm[i]).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
                if (content.Count == 0) cell.Append(Para(JustificationValues.Left, 0));
                foreach (OpenXmlElement e in content) cell.Append(e);
                tr.Append(cell);
            }
            table.Append(tr);
        }
        return table;
    }

    /// <summary>A solid horizontal rule <paramref name="lengthMm"/> long, centred in a column <paramref name="columnMm"/> wide.</summary>
    private static Paragraph Rule(double lengthMm, double columnMm)
    {
        int side = Math.Max(0, Twips((columnMm - lengthMm) / 2));
        return new Paragraph(
            new ParagraphProperties(
                new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 0, Color = "000000" }),
                new SpacingBetweenLines { Before = "20", After = "0", Line = "160", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { Left = side.ToString(CultureInfo.InvariantCulture), Right = side.ToString(CultureInfo.InvariantCulture) },
                new Justification { Val = JustificationValues.Center },
                new ParagraphMarkRunProperties(new FontSize { Val = "4" })));
    }

    private static Paragraph Image(MainDocumentPart main, ReportImage img, double textWidthMm, uint id)
    {
        (int pxW, int pxH) = PngSize(img.Png);
        ImagePart part = main.AddImagePart(ImagePartType.Png);
        using (var ms = new MemoryStream(img.Png)) part.FeedData(ms);
        double widthMm = Math.Min(img.WidthMm, textWidthMm);
        long cx = (long)(widthMm * 36000);
        long cy = (long)(cx * (double)pxH / pxW);
        string name = "Hình " + id.ToString(CultureInfo.InvariantCulture);
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name, Description = img.Caption ?? name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return Para(JustificationValues.Center, 0, new Run(new Drawing(inline)));
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        ReadOnlySpan<byte> sig = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(sig)) throw new ArgumentException("Ảnh phải ở dạng PNG / the image must be a PNG.", nameof(png));
        int w = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        int h = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        if (w <= 0 || h <= 0) throw new ArgumentException("Ảnh PNG không hợp lệ / invalid PNG.", nameof(png));
        return (w, h);
    }

    private static SectionProperties Section(MainDocumentPart main, ReportDocument r, bool party)
    {
        var pageHeader = main.AddNewPart<HeaderPart>();
        pageHeader.Header = new Header(Para(JustificationValues.Center, 0,
            R("", 14),
            new Run(Props(party ? 14 : 13, false, false, false), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Props(party ? 14 : 13, false, false, false), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Props(party ? 14 : 13, false, false, false), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Props(party ? 14 : 13, false, false, false), new Text("2")),
            new Run(Props(party ? 14 : 13, false, false, false), new FieldChar { FieldCharType = FieldCharValues.End })));
        var firstHeader = main.AddNewPart<HeaderPart>();
        firstHeader.Header = new Header(Para(JustificationValues.Center, 0));
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(pageHeader) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
            new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = Twips(r.Margins.TopMm), Bottom = Twips(r.Margins.BottomMm),
                Left = (uint)Twips(r.Margins.LeftMm), Right = (uint)Twips(r.Margins.RightMm),
                // Page numbers sit 10 mm from the top edge.
                Header = (uint)Twips(10), Footer = (uint)Twips(10), Gutter = 0,
            },
            new TitlePage());
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                    new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        for (int level = 1; level <= 3; level++)
        {
            styles.Append(new Style(
                new StyleName { Val = "heading " + level.ToString(CultureInfo.InvariantCulture) },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = level - 1 }))
            { Type = StyleValues.Paragraph, StyleId = "Heading" + level.ToString(CultureInfo.InvariantCulture) });
        }
        part.Styles = styles;
    }

    private static Paragraph Para(JustificationValues justification, int firstLineIndent, params OpenXmlElement[] runs)
    {
        var pp = new ParagraphProperties();
        if (firstLineIndent > 0) pp.Append(new Indentation { FirstLine = firstLineIndent.ToString(CultureInfo.InvariantCulture) });
        pp.Append(new Justification { Val = justification });
        var p = new Paragraph(pp);
        foreach (OpenXmlElement r in runs) p.Append(r);
        return p;
    }

    private static Paragraph KeepWithNext(Paragraph p)
    {
        ParagraphProperties pp = p.ParagraphProperties ??= new ParagraphProperties();
        pp.KeepNext = new KeepNext();
        return p;
    }

    private static Paragraph Spaced(Paragraph p, int before)
    {
        ParagraphProperties pp = p.ParagraphProperties ??= new ParagraphProperties();
        var spacing = new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = "0" };
        // Schema order: pStyle, keepNext, ..., spacing, ind, ..., jc.
        OpenXmlElement? anchor = (OpenXmlElement?)pp.Indentation ?? pp.Justification;
        if (anchor is not null) pp.InsertBefore(spacing, anchor);
        else pp.Append(spacing);
        return p;
    }

    private static Run R(string text, double sizePt, bool bold = false, bool italic = false, bool underline = false, bool keepBreaks = false)
    {
        var run = new Run(Props(sizePt, bold, italic, underline));
        // Runs are pieces of a sentence: keep the spaces that join them.
        string clean = TextSanitizer.Clean(text, keepBreaks);
        if (clean.Length > 0 && text.Length > 0 && char.IsWhiteSpace(text[0])) clean = " " + clean;
        if (clean.Length > 0 && text.Length > 0 && char.IsWhiteSpace(text[^1])) clean += " ";
        string[] lines = clean.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    private static RunProperties Props(double sizePt, bool bold, bool italic, bool underline)
    {
        string half = ((int)Math.Round(sizePt * 2)).ToString(CultureInfo.InvariantCulture);
        var rp = new RunProperties(new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName });
        if (bold) rp.Append(new Bold(), new BoldComplexScript());
        if (italic) rp.Append(new Italic(), new ItalicComplexScript());
        rp.Append(new FontSize { Val = half }, new FontSizeComplexScript { Val = half });
        if (underline) rp.Append(new Underline { Val = UnderlineValues.Single });
        return rp;
    }

    private static string Upper(string text) => TextSanitizer.Clean(text, keepLineBreaks: false).ToUpper(Vietnamese);

    private static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    [GeneratedRegex(@"^[\d\s.,%+\-–]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();
}
