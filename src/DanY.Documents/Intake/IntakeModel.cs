namespace DanY.Documents.Intake;

/// <summary>A draft section offered in the template and accepted by the parser.</summary>
public sealed record IntakeSection(string Ref, string Title);

/// <summary>A comment channel: a stable code for data and a Vietnamese label for people.</summary>
public sealed record IntakeChannel(string Code, string Label);

/// <summary>The stance a comment takes on the draft (VNeID's three choices).</summary>
public enum IntakeStance
{
    /// <summary>Tán thành.</summary>
    Agree,

    /// <summary>Không tán thành.</summary>
    Disagree,

    /// <summary>Đồng ý một phần.</summary>
    Partly,
}

/// <summary>The words of the intake sheet, shared by the template writer and the parsers.</summary>
public static class IntakeVocabulary
{
    public const string DataSheet = "Góp ý";
    public const string ListSheet = "Danh mục";
    public const string HelpSheet = "Hướng dẫn";

    /// <summary>What to put in the Mục column for a comment on the whole draft.</summary>
    public const string WholeDocument = "Toàn văn";

    public static IReadOnlyList<string> Headers { get; } =
        ["Mục", "Tiêu đề mục", "Ý kiến", "Quan điểm", "Tầng lớp", "Kênh", "Đơn vị", "Ngày"];

    public static IReadOnlyList<string> StanceLabels { get; } = ["Tán thành", "Không tán thành", "Đồng ý một phần"];

    public static IReadOnlyList<string> DefaultSocialGroups { get; } =
    [
        "Công nhân", "Nông dân", "Trí thức", "Doanh nhân", "Cựu chiến binh", "Thanh niên", "Phụ nữ",
        "Học sinh - sinh viên", "Cán bộ hưu trí", "Cán bộ, công chức, viên chức", "Lực lượng vũ trang",
        "Đồng bào dân tộc thiểu số", "Chức sắc, tín đồ tôn giáo", "Người Việt Nam ở nước ngoài", "Khác",
    ];

    public static IReadOnlyList<IntakeChannel> DefaultChannels { get; } =
    [
        new("conference", "Hội nghị"),
        new("written", "Văn bản, thư góp ý"),
        new("online", "Trực tuyến"),
        new("congress", "Đại hội đảng bộ, chi bộ cơ sở"),
    ];

    public static string Label(IntakeStance stance) => StanceLabels[(int)stance];

    /// <summary>The API's code for a stance: agree, disagree, partly.</summary>
    public static string Code(IntakeStance stance) => stance switch
    {
        IntakeStance.Agree => "agree",
        IntakeStance.Disagree => "disagree",
        _ => "partly",
    };

    /// <summary>The sections of an imported draft, in document order, as the template and parser want them.</summary>
    public static IReadOnlyList<IntakeSection> SectionsOf(Drafts.DraftOutline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        return outline.Flatten().Select(s => new IntakeSection(s.Ref, s.Heading)).ToArray();
    }
}
