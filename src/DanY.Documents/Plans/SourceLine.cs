namespace DanY.Documents.Plans;

/// <summary>
/// One line of a plan as its source gave it: a paragraph of a DOCX, a line of a text or Markdown file, or a
/// table row (<see cref="Cells"/>; a cell may hold several paragraphs separated by '\n'). Text is clean
/// (<see cref="VnText.Clean"/>) and free of Markdown markup; every source reduces to this, so the extractor
/// is the same for all of them.
/// </summary>
public sealed record SourceLine(string Text)
{
    /// <summary>The whole line is bold (DOCX run properties, or Markdown **...**).</summary>
    public bool Bold { get; init; }

    /// <summary>A Markdown heading (#) or a DOCX heading style.</summary>
    public bool Heading { get; init; }

    /// <summary>An empty line came before this one (Markdown paragraph break).</summary>
    public bool BlankBefore { get; init; }

    /// <summary>The cells of a table row, left to right; null for an ordinary line.</summary>
    public IReadOnlyList<string>? Cells { get; init; }

    public bool IsTableRow => Cells is not null;
}
