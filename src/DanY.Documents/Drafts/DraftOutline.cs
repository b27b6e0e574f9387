namespace DanY.Documents.Drafts;

/// <summary>A paragraph of a draft, addressable as <c>{sectionRef}#p{n}</c>.</summary>
/// <param name="Ref">Stable reference, e.g. <c>II.3.2#p1</c> (<c>#p1</c> in the preamble).</param>
/// <param name="Anchor">HTML id, ASCII only, e.g. <c>muc-II-3-2-p1</c>.</param>
/// <param name="Text">Plain text, NFC.</param>
public sealed record DraftParagraph(string Ref, string Anchor, string Text);

/// <summary>A part, section or sub-section of a draft, with its own paragraphs and children.</summary>
/// <param name="Ref">Stable reference derived from the numbering: <c>II</c>, <c>II.3</c>, <c>II.3.2</c>, <c>II.3.2.a</c>.</param>
/// <param name="Anchor">HTML id, ASCII only: <c>muc-II-3-2</c>.</param>
/// <param name="Label">The numbering as written (<c>Phần thứ hai</c>, <c>3.</c>, <c>a)</c>), empty when the heading had none.</param>
/// <param name="Title">The heading without its numbering.</param>
/// <param name="Depth">1 for a top-level part.</param>
/// <param name="ParentRef">Null for a top-level part.</param>
public sealed record DraftSection(
    string Ref,
    string Anchor,
    string Label,
    string Title,
    int Depth,
    string? ParentRef,
    IReadOnlyList<DraftParagraph> Paragraphs,
    IReadOnlyList<DraftSection> Children)
{
    /// <summary>The heading as a reader sees it: label and title.</summary>
    public string Heading => Label.Length == 0 ? Title : Label + " " + Title;

    public bool IsLeaf => Children.Count == 0;
}

/// <summary>A draft document as a tree of parts, sections and paragraphs.</summary>
/// <param name="Title">Document title (first H1, Title style or the first bold lines), may be empty.</param>
/// <param name="Preamble">Paragraphs before the first heading.</param>
/// <param name="Sections">Top-level parts in document order.</param>
/// <param name="Warnings">Things the importer repaired or guessed, in Vietnamese (duplicate numbers...).</param>
public sealed record DraftOutline(
    string Title,
    IReadOnlyList<DraftParagraph> Preamble,
    IReadOnlyList<DraftSection> Sections,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Every section, parents before children, in document order.</summary>
    public IEnumerable<DraftSection> Flatten()
    {
        var stack = new Stack<DraftSection>();
        for (int i = Sections.Count - 1; i >= 0; i--) stack.Push(Sections[i]);
        while (stack.Count > 0)
        {
            DraftSection s = stack.Pop();
            yield return s;
            for (int i = s.Children.Count - 1; i >= 0; i--) stack.Push(s.Children[i]);
        }
    }

    /// <summary>The section with this reference, or null.</summary>
    public DraftSection? Find(string sectionRef) =>
        Flatten().FirstOrDefault(s => string.Equals(s.Ref, sectionRef, StringComparison.Ordinal));
}
