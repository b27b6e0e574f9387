using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanY.Documents.Tests.Drafts;

/// <summary>Builds small DOCX files paragraph by paragraph, the way a secretary's Word file looks.</summary>
internal sealed class DocxFixture
{
    private readonly List<OpenXmlElement> _body = [];
    private bool _withHeadingStyles;
    private bool _withNumbering;
    private bool _numberedHeadingStyles;

    /// <summary>Heading 1/2 carry a Word multi-level list ("%1." / "%1.%2."), as Word's numbered heading presets do.</summary>
    public DocxFixture NumberedHeadingStyles()
    {
        _numberedHeadingStyles = true;
        _withNumbering = true;
        return this;
    }

    public DocxFixture Para(string text, bool bold = false, bool italic = false, string? style = null)
    {
        var p = new Paragraph();
        if (style is not null) p.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        p.Append(MakeRun(text, bold, italic));
        _body.Add(p);
        return this;
    }

    /// <summary>A paragraph whose first part is bold and the rest plain (a run-in heading).</summary>
    public DocxFixture RunIn(string boldPart, string plainPart)
    {
        _body.Add(new Paragraph(MakeRun(boldPart, true, false), MakeRun(plainPart, false, false)));
        return this;
    }

    /// <summary>A paragraph numbered by Word itself (decimal "%1." list, numId 1).</summary>
    public DocxFixture AutoNumbered(string text, bool bold)
    {
        _withNumbering = true;
        var p = new Paragraph(new ParagraphProperties(new NumberingProperties(
            new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
        p.Append(MakeRun(text, bold, false));
        _body.Add(p);
        return this;
    }

    public DocxFixture Heading(int level, string text, string? styleId = null)
    {
        _withHeadingStyles = true;
        return Para(text, style: styleId ?? "Heading" + level);
    }

    public DocxFixture Table(params string[][] rows)
    {
        var t = new Table();
        foreach (string[] r in rows)
        {
            var tr = new TableRow();
            foreach (string c in r) tr.Append(new TableCell(new Paragraph(MakeRun(c, false, false))));
            t.Append(tr);
        }
        _body.Add(t);
        return this;
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(_body.Select(e => e.CloneNode(true))));
            if (_withHeadingStyles)
            {
                var styles = main.AddNewPart<StyleDefinitionsPart>();
                styles.Styles = new Styles(
                    HeadingStyle("Heading1", "heading 1", 0, _numberedHeadingStyles ? 0 : null),
                    HeadingStyle("Heading2", "heading 2", 1, _numberedHeadingStyles ? 1 : null),
                    HeadingStyle("Heading3", "heading 3", 2),
                    // Vietnamese Word localises style ids; the name stays "heading N".
                    HeadingStyle("u3", "heading 3", null),
                    new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" });
            }
            if (_withNumbering)
            {
                var numbering = main.AddNewPart<NumberingDefinitionsPart>();
                numbering.Numbering = new Numbering(
                    new AbstractNum(new Level(
                        new StartNumberingValue { Val = 1 },
                        new NumberingFormat { Val = NumberFormatValues.Decimal },
                        new LevelText { Val = "%1." })
                    { LevelIndex = 0 })
                    { AbstractNumberId = 0 },
                    new AbstractNum(
                        new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.UpperRoman }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                        new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%2." }) { LevelIndex = 1 })
                    { AbstractNumberId = 1 },
                    new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 },
                    new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 2 });
            }
        }
        return ms.ToArray();
    }

    private static Style HeadingStyle(string id, string name, int? outline, int? listLevel = null)
    {
        var ppr = new StyleParagraphProperties();
        if (listLevel is not null) ppr.Append(new NumberingProperties(new NumberingLevelReference { Val = listLevel.Value }, new NumberingId { Val = 2 }));
        if (outline is not null) ppr.Append(new OutlineLevel { Val = outline.Value });
        return new Style(new StyleName { Val = name }, ppr, new StyleRunProperties(new Bold())) { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static Run MakeRun(string text, bool bold, bool italic)
    {
        var rp = new RunProperties();
        if (bold) rp.Append(new Bold());
        if (italic) rp.Append(new Italic());
        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
