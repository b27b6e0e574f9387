using DanY.Domain.Auditing;
using DanY.Domain.Units;

namespace DanY.Domain.Consultations;

/// <summary>A congress (Đại hội) of a unit: level, ordinal (XIV, XXVII...) and term; it owns several drafts.</summary>
public sealed class Congress : IAuditable
{
    public const int NameMaxLength = 300;
    public const int OrdinalMaxLength = 16;

    private Congress()
    {
    }

    public Congress(int unitId, UnitLevel level, string ordinal, int termStartYear, int termEndYear, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ordinal);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (termEndYear <= termStartYear)
            throw new ConsultationRuleException("Nhiệm kỳ phải kết thúc sau khi bắt đầu / the term must end after it starts.");
        if (ordinal.Trim().Length > OrdinalMaxLength || name.Trim().Length > NameMaxLength)
            throw new ConsultationRuleException("Tên hoặc số thứ tự đại hội quá dài / congress name or ordinal too long.");
        UnitId = unitId;
        Level = level;
        Ordinal = ordinal.Trim().ToUpperInvariant();
        TermStartYear = termStartYear;
        TermEndYear = termEndYear;
        Name = name.Trim();
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public UnitLevel Level { get; private set; }
    public string Ordinal { get; private set; } = "";
    public int TermStartYear { get; private set; }
    public int TermEndYear { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>"2025–2030".</summary>
    public string Term => FormattableString.Invariant($"{TermStartYear}–{TermEndYear}");
}

/// <summary>A broken rule of the consultation domain, in Vietnamese and English.</summary>
public sealed class ConsultationRuleException(string message) : Exception(message);
