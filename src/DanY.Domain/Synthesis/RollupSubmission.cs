using DanY.Domain.Auditing;

namespace DanY.Domain.Synthesis;

/// <summary>
/// A unit's synthesis of a consultation sent to the unit above it along its reporting line. The content
/// is frozen at submission (groups with counts and the comment ids behind them, as JSON), so that later
/// runs or edits below do not change what the parent received. A re-submission replaces the current
/// one: the earlier row stays, marked replaced, so the history is kept and audited.
/// </summary>
public sealed class RollupSubmission : IAuditable
{
    public const int ActorMaxLength = 450;
    public const int ViaMaxLength = 16;

    private RollupSubmission()
    {
    }

    public RollupSubmission(int consultationId, int unitId, int parentUnitId, long? runId, DateTimeOffset submittedAt, string? submittedBy, string via)
    {
        if (unitId == parentUnitId) throw new ArgumentException("Đơn vị không thể gửi cho chính mình / a unit cannot submit to itself.");
        if (submittedBy is { Length: > ActorMaxLength }) throw new ArgumentException("Mã tài khoản quá dài / account id too long.");
        ConsultationId = consultationId;
        UnitId = unitId;
        ParentUnitId = parentUnitId;
        RunId = runId;
        SubmittedAt = submittedAt.ToUniversalTime();
        SubmittedBy = submittedBy;
        Via = via.Length > ViaMaxLength ? via[..ViaMaxLength] : via;
    }

    public long Id { get; private set; }
    public int ConsultationId { get; private set; }

    /// <summary>The submitting unit.</summary>
    public int UnitId { get; private set; }

    /// <summary>The unit above along the reporting line, at the time of submission.</summary>
    public int ParentUnitId { get; private set; }

    /// <summary>The stored run the content was taken from (null until frozen, for demo rows seeded before any run).</summary>
    public long? RunId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Staff account id (Identity user id) of whoever submitted; null when submitted from the command line by an operator.</summary>
    public string? SubmittedBy { get; private set; }

    /// <summary>"web", "cli" or "demo".</summary>
    public string Via { get; private set; } = "";

    /// <summary>False once a later submission of the same unit replaced it.</summary>
    public bool IsCurrent { get; private set; } = true;
    public DateTimeOffset? ReplacedAt { get; private set; }

    /// <summary>Comments carried (the unit's own and those of the syntheses it merged).</summary>
    public int Comments { get; private set; }
    public int Groups { get; private set; }

    /// <summary>The frozen synthesis (engine <c>SynthesisDocument</c> JSON). Large, so kept out of the audit log; the counts above are audited.</summary>
    [NotAudited]
    public string ContentJson { get; private set; } = "";

    public DateTimeOffset? FrozenAt { get; private set; }

    public bool IsFrozen => ContentJson.Length > 0;

    public void Freeze(long runId, string contentJson, int comments, int groups, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contentJson);
        if (IsFrozen) throw new InvalidOperationException("Nội dung đã gửi không thay đổi / submitted content does not change.");
        RunId = runId;
        ContentJson = contentJson;
        Comments = comments;
        Groups = groups;
        FrozenAt = now.ToUniversalTime();
    }

    public void Replace(DateTimeOffset now)
    {
        IsCurrent = false;
        ReplacedAt = now.ToUniversalTime();
    }
}

/// <summary>The due date for children's submissions of a consultation (defaults to the consultation's closing time).</summary>
public sealed class RollupSchedule : IAuditable
{
    private RollupSchedule()
    {
    }

    public RollupSchedule(int consultationId, DateTimeOffset dueAt)
    {
        ConsultationId = consultationId;
        DueAt = dueAt.ToUniversalTime();
    }

    public int ConsultationId { get; private set; }
    public DateTimeOffset DueAt { get; private set; }

    public void SetDue(DateTimeOffset dueAt) => DueAt = dueAt.ToUniversalTime();
}

public enum SubmissionState
{
    OnTime,
    Late,
    Missing,
}

public static class SubmissionStates
{
    /// <summary><paramref name="dueAt"/> is exclusive (the start of the day after the due date, like a consultation's closing time).</summary>
    public static SubmissionState Of(DateTimeOffset? submittedAt, DateTimeOffset dueAt) =>
        submittedAt is not { } at ? SubmissionState.Missing : at >= dueAt ? SubmissionState.Late : SubmissionState.OnTime;

    public static string Label(SubmissionState state) => state switch
    {
        SubmissionState.OnTime => "Đã gửi đúng hạn",
        SubmissionState.Late => "Gửi muộn",
        _ => "Chưa gửi",
    };

    public static string Code(SubmissionState state) => state switch
    {
        SubmissionState.OnTime => "submitted",
        SubmissionState.Late => "late",
        _ => "missing",
    };

    public static SubmissionState? Parse(string? code) => code switch
    {
        "submitted" => SubmissionState.OnTime,
        "late" => SubmissionState.Late,
        "missing" => SubmissionState.Missing,
        _ => null,
    };
}
