namespace DanY.Domain.Units;

/// <summary>What a unit is. Stored as text so that adding a kind never renumbers existing rows.</summary>
public enum UnitKind
{
    /// <summary>A node of the state administrative register (central, province, commune).</summary>
    AdministrativeArea,
    /// <summary>Đảng bộ / cấp ủy (tỉnh ủy, đảng ủy xã).</summary>
    PartyCommittee,
    /// <summary>Chi bộ.</summary>
    PartyCell,
    /// <summary>Ban của cấp ủy (Ban Tuyên giáo và Dân vận...).</summary>
    Board,
    /// <summary>Ủy ban Mặt trận Tổ quốc.</summary>
    FatherlandFront,
    /// <summary>Liên đoàn Lao động, công đoàn.</summary>
    TradeUnion,
    /// <summary>Đoàn Thanh niên.</summary>
    YouthUnion,
    /// <summary>Hội Liên hiệp Phụ nữ.</summary>
    WomenUnion,
    /// <summary>Other associations (nông dân, cựu chiến binh...).</summary>
    Association,
    /// <summary>Cơ quan nhà nước (UBND, HĐND, sở...).</summary>
    StateBody,
}

/// <summary>Level in the political-administrative hierarchy. District is kept for plans written before 1/7/2025.</summary>
public enum UnitLevel
{
    Central,
    Province,
    District,
    Commune,
    Grassroots,
}

/// <summary>The parallel system a unit belongs to.</summary>
public enum UnitSystem
{
    Party,
    Front,
    Union,
    Association,
    State,
}

/// <summary>Vietnamese labels for display.</summary>
public static class UnitLabels
{
    public static string Of(UnitKind kind) => kind switch
    {
        UnitKind.AdministrativeArea => "Đơn vị hành chính",
        UnitKind.PartyCommittee => "Cấp ủy, đảng bộ",
        UnitKind.PartyCell => "Chi bộ",
        UnitKind.Board => "Ban",
        UnitKind.FatherlandFront => "Mặt trận Tổ quốc",
        UnitKind.TradeUnion => "Công đoàn",
        UnitKind.YouthUnion => "Đoàn Thanh niên",
        UnitKind.WomenUnion => "Hội Liên hiệp Phụ nữ",
        UnitKind.Association => "Hội, đoàn thể",
        UnitKind.StateBody => "Cơ quan nhà nước",
        _ => kind.ToString(),
    };

    public static string Of(UnitLevel level) => level switch
    {
        UnitLevel.Central => "Trung ương",
        UnitLevel.Province => "Tỉnh, thành phố",
        UnitLevel.District => "Huyện (trước 1/7/2025)",
        UnitLevel.Commune => "Xã, phường, đặc khu",
        UnitLevel.Grassroots => "Cơ sở",
        _ => level.ToString(),
    };

    public static string Of(UnitSystem system) => system switch
    {
        UnitSystem.Party => "Hệ thống Đảng",
        UnitSystem.Front => "Mặt trận Tổ quốc",
        UnitSystem.Union => "Công đoàn, đoàn thể",
        UnitSystem.Association => "Hội",
        UnitSystem.State => "Nhà nước",
        _ => system.ToString(),
    };
}
