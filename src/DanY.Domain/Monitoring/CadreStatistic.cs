using DanY.Domain.Auditing;

namespace DanY.Domain.Monitoring;

/// <summary>The congress levels after which the plans ask for cadre statistics.</summary>
public enum CongressLevel
{
    /// <summary>Đại hội chi bộ, đảng bộ cơ sở.</summary>
    Grassroots,

    /// <summary>Đại hội đảng bộ xã, phường, đặc khu.</summary>
    Commune,

    /// <summary>Đại hội đảng bộ tỉnh, thành phố.</summary>
    Province,
}

/// <summary>
/// Front and union cadres elected to Party committees after one congress level, as a unit enters them;
/// the level above sums them up the tree.
/// </summary>
public sealed class CadreStatistic : IAuditable
{
    private CadreStatistic()
    {
    }

    public CadreStatistic(int unitId, CongressLevel level, string term)
    {
        UnitId = unitId;
        Level = level;
        Term = (term ?? "").Trim();
        if (Term.Length is 0 or > 16) throw new MonitoringValidationException("Nhiệm kỳ không hợp lệ, ví dụ 2025-2030 / Invalid term, e.g. 2025-2030.");
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public Units.Unit? Unit { get; private set; }
    public CongressLevel Level { get; private set; }
    public string Term { get; private set; } = "";

    /// <summary>Members of the Party committee elected at the congress.</summary>
    public int CommitteeMembers { get; private set; }

    /// <summary>Of them, cadres of the Fatherland Front.</summary>
    public int FrontCadres { get; private set; }

    /// <summary>Of them, cadres of the socio-political organisations (unions, youth, women, farmers, veterans).</summary>
    public int UnionCadres { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Set(int committeeMembers, int frontCadres, int unionCadres, DateTime utcNow)
    {
        if (committeeMembers is < 0 or > 100_000 || frontCadres < 0 || unionCadres < 0)
            throw new MonitoringValidationException("Số liệu phải là số không âm / Counts must not be negative.");
        if (frontCadres + unionCadres > committeeMembers)
            throw new MonitoringValidationException("Số cán bộ Mặt trận và đoàn thể không được vượt số cấp ủy viên / Front and union cadres cannot exceed committee members.");
        CommitteeMembers = committeeMembers;
        FrontCadres = frontCadres;
        UnionCadres = unionCadres;
        UpdatedAt = utcNow;
    }

    public static string Label(CongressLevel level) => level switch
    {
        CongressLevel.Grassroots => "Đại hội chi bộ, đảng bộ cơ sở",
        CongressLevel.Commune => "Đại hội đảng bộ xã, phường, đặc khu",
        CongressLevel.Province => "Đại hội đảng bộ tỉnh, thành phố",
        _ => level.ToString(),
    };
}
