namespace DanY.Infrastructure.Dashboards;

/// <summary>A labelled count (channel, stance, social group...). <see cref="Key"/> is the stored code, <see cref="Label"/> the Vietnamese text.</summary>
public sealed record DashboardCount(string Key, string Label, int Count);

/// <summary>Comments received on one local (Asia/Ho_Chi_Minh) day.</summary>
public sealed record DayCount(DateOnly Day, int Count);

/// <summary>Comments on one section of a draft; <see cref="Order"/> is the heading order (-1 for the whole draft), <see cref="Depth"/> its level (0 for parts).</summary>
public sealed record SectionCount(int DraftId, string Draft, string SectionRef, string Heading, int Order, int Count, string Title = "", int Depth = 0)
{
    /// <summary>"I.2.1 Hạn chế, yếu kém": the stable reference tells apart headings numbered alike in different parts.</summary>
    public string ShortLabel => SectionRef.Length == 0 || Title.Length == 0 ? Heading : SectionRef + " " + Title;
}

/// <summary>An opinion group of the latest synthesis with the comments of the scope that carry its point.</summary>
public sealed record OpinionGroupCount(long GroupId, string Summary, string Section, string Quantifier, int Count);

/// <summary>A child unit of the dashboard's unit with the comments of its whole subtree.</summary>
public sealed record ChildUnitCount(int UnitId, string Code, string Name, int Count);

/// <summary>
/// Every figure of a consultation dashboard for one unit's subtree. <see cref="WholeConsultation"/> is true when the unit
/// covers the consultation's target unit: then every received comment counts (also those sent without a unit), so the
/// totals equal the report's.
/// </summary>
public sealed record ConsultationDashboard(
    int ConsultationId,
    string Title,
    int UnitId,
    string UnitCode,
    string UnitName,
    bool WholeConsultation,
    int Total,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DayCount> PerDay,
    IReadOnlyList<DashboardCount> ByChannel,
    IReadOnlyList<SectionCount> BySection,
    IReadOnlyList<DashboardCount> BySocialGroup,
    IReadOnlyList<DashboardCount> ByStance,
    long? RunId,
    DateTimeOffset? RunCreatedAt,
    IReadOnlyList<OpinionGroupCount> TopGroups,
    IReadOnlyList<ChildUnitCount> ByChildUnit,
    int AtUnitItself,
    int WithoutUnit,
    int OutsideChildren);

/// <summary>
/// Status of a child unit's synthesis submission, for the dashboard's "submission status" part.
/// </summary>
public sealed record ChildSubmissionStatus(int UnitId, string UnitName, string Status, DateTimeOffset? SubmittedAt, bool Late);

/// <summary>
/// LEAD: the roll-up work (Features/Synthesis, Infrastructure/Synthesis Rollup*) owns submissions. Register an
/// implementation of this interface there and the dashboard shows the children's submission status in its marked
/// section; while none is registered the section says where to look instead.
/// </summary>
public interface IChildSubmissionStatusSource
{
    Task<IReadOnlyList<ChildSubmissionStatus>> ChildrenAsync(int consultationId, int unitId, CancellationToken cancellationToken = default);
}
