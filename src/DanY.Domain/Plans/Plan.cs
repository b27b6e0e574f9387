namespace DanY.Domain.Plans;

/// <summary>
/// A plan (kế hoạch) as issued: who issued it, under which number and date, which documents it implements,
/// and what it asks of whom by when. Extracted plans are proposals: staff confirm or correct them before
/// the obligations start to count.
/// </summary>
public sealed record Plan
{
    /// <summary>Normalised number and code, e.g. <c>57-KH/ĐU</c> or <c>08/KH-MTTQ</c>; null when the text has none.</summary>
    public string? Number { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>The issuing body as printed in the header (upper case), e.g. <c>BAN DÂN VẬN TỈNH ỦY</c>.</summary>
    public string? Issuer { get; init; }

    /// <summary>The directly superior body printed above the issuer in the Party layout, when present.</summary>
    public string? SuperiorBody { get; init; }

    /// <summary>The summary (trích yếu) under "KẾ HOẠCH".</summary>
    public string? Title { get; init; }

    public IReadOnlyList<PlanReference> Basis { get; init; } = [];

    public IReadOnlyList<Obligation> Obligations { get; init; } = [];

    /// <summary>The "Nơi nhận" list, in order, without the archive copy ("Lưu ...").</summary>
    public IReadOnlyList<PlanRecipient> Recipients { get; init; } = [];

    /// <summary>
    /// The parent plan this one implements ("Thực hiện Kế hoạch số ..."), the link by which a subordinate
    /// unit's implementation plan is tied to its parent's. Falls back to the last plan cited as a basis.
    /// </summary>
    public PlanReference? Parent =>
        Basis.LastOrDefault(b => b.Relation == ReferenceRelation.Implements && b.IsPlan)
        ?? Basis.LastOrDefault(b => b.IsPlan);

    /// <summary>Whether this plan cites <paramref name="parent"/> (by number) as a document it rests on.</summary>
    public bool Implements(Plan parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.Number is { } number && Basis.Any(b => string.Equals(b.Number, number, StringComparison.Ordinal));
    }
}

/// <summary>A document cited as the basis of a plan: "Kế hoạch số 171-KH/BDVTW ngày 03/7/2024 của Ban Dân vận Trung ương".</summary>
public sealed record PlanReference
{
    /// <summary>Document type as written ("Kế hoạch", "Chỉ thị", ...), when stated.</summary>
    public string? DocumentType { get; init; }

    public required string Number { get; init; }

    public DateOnly? Date { get; init; }

    public string? Issuer { get; init; }

    /// <summary>The quoted subject ("về ..."), when present.</summary>
    public string? Subject { get; init; }

    public ReferenceRelation Relation { get; init; } = ReferenceRelation.Basis;

    public bool IsPlan => DocumentType is not null && DocumentType.StartsWith("Kế hoạch", StringComparison.OrdinalIgnoreCase);
}

public enum ReferenceRelation
{
    /// <summary>"Căn cứ ...": a legal or political basis.</summary>
    Basis,

    /// <summary>"Thực hiện ..." / "Triển khai ...": the document this plan carries out.</summary>
    Implements,
}

/// <summary>An entry of the "Nơi nhận" block; <see cref="Purpose"/> is e.g. "để báo cáo" or "để thực hiện".</summary>
public sealed record PlanRecipient(string Name, string? Purpose = null);
