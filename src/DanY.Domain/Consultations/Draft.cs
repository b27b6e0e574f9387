using DanY.Domain.Auditing;

namespace DanY.Domain.Consultations;

/// <summary>A draft document of a congress (Political Report, socio-economic report...). Its text lives in versions.</summary>
public sealed class Draft : IAuditable
{
    public const int TitleMaxLength = 400;

    private Draft()
    {
    }

    public Draft(int congressId, string title)
    {
        CongressId = congressId;
        Title = ValidateTitle(title);
    }

    public int Id { get; private set; }
    public int CongressId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The version citizens read and comment on; null until one is imported.</summary>
    public int? CurrentVersionId { get; private set; }

    public void Rename(string title) => Title = ValidateTitle(title);

    public void UseVersion(int versionId) => CurrentVersionId = versionId;

    private static string ValidateTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        title = title.Trim();
        if (title.Length == 0 || title.Length > TitleMaxLength)
            throw new ConsultationRuleException($"Tên dự thảo phải có từ 1 đến {TitleMaxLength} ký tự / draft title must have 1 to {TitleMaxLength} characters.");
        return title;
    }
}

/// <summary>One imported text of a draft. Versions are immutable: a new text is a new version.</summary>
public sealed class DraftVersion
{
    private DraftVersion()
    {
    }

    public DraftVersion(int draftId, int number, string sourceFileName, string title, DateTimeOffset importedAt)
    {
        DraftId = draftId;
        Number = number;
        SourceFileName = sourceFileName.Length > 260 ? sourceFileName[..260] : sourceFileName;
        Title = title.Length > Draft.TitleMaxLength ? title[..Draft.TitleMaxLength] : title;
        ImportedAt = importedAt;
    }

    public int Id { get; private set; }
    public int DraftId { get; private set; }
    public int Number { get; private set; }
    public string SourceFileName { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>Summary of what changed from the previous version (JSON of the section matches), null for the first.</summary>
    public string? ChangesJson { get; set; }

    /// <summary>Paragraphs before the first heading, separated by blank lines.</summary>
    public string Preamble { get; set; } = "";

    public List<DraftSection> Sections { get; private set; } = [];
}

/// <summary>A part, section or sub-section of a draft version, addressable by a stable reference such as <c>II.3.2</c>.</summary>
public sealed class DraftSection
{
    public const int RefMaxLength = 64;
    public const int TitleMaxLength = 1000;

    private DraftSection()
    {
    }

    public DraftSection(string reference, string anchor, string label, string title, string text, int order, int depth, string? parentRef)
    {
        Ref = reference;
        Anchor = anchor;
        Label = label;
        Title = title.Length > TitleMaxLength ? title[..TitleMaxLength] : title;
        Text = text;
        Order = order;
        Depth = depth;
        ParentRef = parentRef;
    }

    public int Id { get; private set; }
    public int DraftVersionId { get; private set; }
    public string Ref { get; private set; } = "";
    public string Anchor { get; private set; } = "";
    public string Label { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>The section's own paragraphs, separated by blank lines (children are sections of their own).</summary>
    public string Text { get; private set; } = "";
    public int Order { get; private set; }
    public int Depth { get; private set; }
    public string? ParentRef { get; private set; }

    public string Heading => Label.Length == 0 ? Title : Label + " " + Title;
}
