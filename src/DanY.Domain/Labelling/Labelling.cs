using DanY.Domain.Auditing;

namespace DanY.Domain.Labelling;

/// <summary>Bad input for labelling (message in Vietnamese and English); nothing was changed.</summary>
public sealed class LabellingException(string message) : Exception(message);

/// <summary>
/// A unit's own categories for comments ("Chủ đề": Kinh tế, Giáo dục…; "Sàng lọc": Hợp lệ, Rác, Xúc phạm).
/// A moderation set applies to the portal's comments only and flags every label but the first for review.
/// </summary>
public sealed class LabelSet : IAuditable
{
    public const int NameMaxLength = 120;
    public const int LabelMaxLength = 80;
    public const int MaxLabels = 30;
    public const string ModerationName = "Sàng lọc";
    public static readonly IReadOnlyList<string> ModerationLabels = ["Hợp lệ", "Rác", "Xúc phạm"];

    private LabelSet()
    {
    }

    public LabelSet(int unitId, string name, IEnumerable<string> labels, bool isModeration, DateTimeOffset createdAt)
    {
        UnitId = unitId;
        Name = ValidateName(name);
        Labels = string.Join('\n', ValidateLabels(labels));
        IsModeration = isModeration;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The labels in the staff's order, one per line.</summary>
    public string Labels { get; private set; } = "";
    public bool IsModeration { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<string> LabelList => Labels.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public bool HasLabel(string label) => LabelList.Contains(label, StringComparer.Ordinal);

    /// <summary>Labels that put a comment on the review list of a moderation set (all but the first, "Hợp lệ").</summary>
    public IReadOnlyList<string> FlagLabels => IsModeration ? LabelList.Skip(1).ToList() : [];

    public static LabelSet Moderation(int unitId, DateTimeOffset now) => new(unitId, ModerationName, ModerationLabels, isModeration: true, now);

    private static string ValidateName(string name)
    {
        string n = (name ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (n.Length == 0) throw new LabellingException("Hãy đặt tên cho bộ nhãn / the label set needs a name.");
        if (n.Length > NameMaxLength) throw new LabellingException($"Tên bộ nhãn dài quá {NameMaxLength} ký tự / the name is longer than {NameMaxLength} characters.");
        return n;
    }

    /// <summary>Trims, normalises and de-duplicates; at least two labels, none with a line break.</summary>
    public static IReadOnlyList<string> ValidateLabels(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var list = new List<string>();
        foreach (var raw in labels)
        {
            string l = (raw ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
            if (l.Length == 0) continue;
            if (l.Length > LabelMaxLength) throw new LabellingException($"Nhãn “{l[..20]}…” dài quá {LabelMaxLength} ký tự / a label is longer than {LabelMaxLength} characters.");
            if (l.Any(char.IsControl)) throw new LabellingException("Nhãn không được chứa ký tự điều khiển / labels cannot contain control characters.");
            if (!list.Contains(l, StringComparer.Ordinal)) list.Add(l);
        }
        if (list.Count < 2) throw new LabellingException("Bộ nhãn cần ít nhất hai nhãn khác nhau / a label set needs at least two distinct labels.");
        if (list.Count > MaxLabels) throw new LabellingException($"Bộ nhãn có tối đa {MaxLabels} nhãn / at most {MaxLabels} labels.");
        return list;
    }
}

public enum LabelSource
{
    /// <summary>Chosen by a staff member.</summary>
    Staff,

    /// <summary>The model's suggestion, accepted in bulk by a staff member.</summary>
    AcceptedSuggestion,
}

/// <summary>A staff label on a comment, stored apart from it (the comment never changes). One per set and comment.</summary>
public sealed class CommentLabel : IAuditable
{
    private CommentLabel()
    {
    }

    public CommentLabel(int labelSetId, long commentId, string label, LabelSource source, string labelledBy, DateTimeOffset at)
    {
        LabelSetId = labelSetId;
        CommentId = commentId;
        Label = label;
        Source = source;
        LabelledBy = labelledBy;
        LabelledAt = at;
    }

    public long Id { get; private set; }
    public int LabelSetId { get; private set; }
    public long CommentId { get; private set; }
    public string Label { get; private set; } = "";
    public LabelSource Source { get; private set; }

    /// <summary>Staff account id.</summary>
    public string LabelledBy { get; private set; } = "";
    public DateTimeOffset LabelledAt { get; private set; }

    public void Relabel(string label, string by, DateTimeOffset at)
    {
        Label = label;
        Source = LabelSource.Staff;
        LabelledBy = by;
        LabelledAt = at;
    }
}

/// <summary>Precision, recall and F1 of one label on the held-back staff labels.</summary>
public sealed record LabelMetric(string Label, double Precision, double Recall, double F1, int Support, int TrainingExamples);

/// <summary>A classifier trained from a label set's staff labels, with its measured quality.</summary>
public sealed class LabelModel : IAuditable
{
    private LabelModel()
    {
    }

    public LabelModel(int labelSetId, byte[] modelBytes, string engineVersion, int trainingExamples, int heldBackExamples,
        double accuracy, double macroF1, string metricsJson, string trainedBy, DateTimeOffset trainedAt, double trainingSeconds)
    {
        LabelSetId = labelSetId;
        ModelBytes = modelBytes;
        EngineVersion = engineVersion;
        TrainingExamples = trainingExamples;
        HeldBackExamples = heldBackExamples;
        Accuracy = accuracy;
        MacroF1 = macroF1;
        MetricsJson = metricsJson;
        TrainedBy = trainedBy;
        TrainedAt = trainedAt;
        TrainingSeconds = trainingSeconds;
    }

    public int Id { get; private set; }
    public int LabelSetId { get; private set; }

    /// <summary>The serialised <c>TextClassifier</c>; kept out of the audit log (size, not secrecy).</summary>
    [NotAudited]
    public byte[] ModelBytes { get; private set; } = [];
    public string EngineVersion { get; private set; } = "";

    /// <summary>All staff labels the stored model learnt from.</summary>
    public int TrainingExamples { get; private set; }

    /// <summary>Staff labels held back to measure (the measuring model did not see them).</summary>
    public int HeldBackExamples { get; private set; }
    public double Accuracy { get; private set; }
    public double MacroF1 { get; private set; }

    /// <summary>JSON array of <see cref="LabelMetric"/>.</summary>
    public string MetricsJson { get; private set; } = "[]";
    public string TrainedBy { get; private set; } = "";
    public DateTimeOffset TrainedAt { get; private set; }
    public double TrainingSeconds { get; private set; }
}

/// <summary>The model's label for one comment, replaced each time a model is applied. Written in bulk, not audited.</summary>
public sealed class LabelSuggestion
{
    private LabelSuggestion()
    {
    }

    public LabelSuggestion(int labelSetId, long commentId, int modelId, string label, double confidence)
    {
        LabelSetId = labelSetId;
        CommentId = commentId;
        ModelId = modelId;
        Label = label;
        Confidence = confidence;
    }

    public long Id { get; private set; }
    public int LabelSetId { get; private set; }
    public long CommentId { get; private set; }
    public int ModelId { get; private set; }
    public string Label { get; private set; } = "";
    public double Confidence { get; private set; }
}

public enum LabellingJobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>Applying a model to a consultation's comments, with its progress. Its creation is audited (who asked).</summary>
public sealed class LabellingJob : IAuditable
{
    private LabellingJob()
    {
    }

    public LabellingJob(int labelSetId, int modelId, int consultationId, string requestedBy, DateTimeOffset at)
    {
        LabelSetId = labelSetId;
        ModelId = modelId;
        ConsultationId = consultationId;
        RequestedBy = requestedBy;
        RequestedAt = at;
    }

    public int Id { get; private set; }
    public int LabelSetId { get; private set; }
    public int ModelId { get; private set; }
    public int ConsultationId { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public LabellingJobStatus Status { get; private set; } = LabellingJobStatus.Queued;
    public int Total { get; private set; }
    public int Processed { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? Error { get; private set; }

    public int Percent => Total == 0 ? (Status == LabellingJobStatus.Done ? 100 : 0) : (int)(100L * Processed / Total);

    public bool IsActive => Status is LabellingJobStatus.Queued or LabellingJobStatus.Running;

    public void Start(int total)
    {
        Status = LabellingJobStatus.Running;
        Total = total;
        Processed = 0;
    }

    public void Advance(int processed) => Processed = Math.Min(Total, processed);

    public void Finish(DateTimeOffset at)
    {
        Status = LabellingJobStatus.Done;
        Processed = Total;
        FinishedAt = at;
    }

    public void Fail(string error, DateTimeOffset at)
    {
        Status = LabellingJobStatus.Failed;
        Error = error.Length > 500 ? error[..500] : error;
        FinishedAt = at;
    }
}

public enum ModerationOutcome
{
    /// <summary>Confirmed as noise or abuse: the comment is set aside (kept, never deleted) and the synthesis counts it as noise with the reason.</summary>
    SetAside,

    /// <summary>Looked at and kept: the comment stays in the synthesis and leaves the queue.</summary>
    Released,
}

/// <summary>
/// A staff decision on a comment of the portal's moderation queue, with the model's view at the time.
/// Audited (who set what aside and why); the latest decision for a comment is the one that counts.
/// </summary>
public sealed class ModerationDecision : IAuditable
{
    public const int NoteMaxLength = 500;

    private ModerationDecision()
    {
    }

    public ModerationDecision(long commentId, int consultationId, int labelSetId, ModerationOutcome outcome, string reason, string? note,
        string? modelLabel, double? confidence, string decidedBy, DateTimeOffset at)
    {
        CommentId = commentId;
        ConsultationId = consultationId;
        LabelSetId = labelSetId;
        Outcome = outcome;
        Reason = reason;
        Note = CleanNote(note);
        ModelLabel = modelLabel;
        Confidence = confidence;
        DecidedBy = decidedBy;
        DecidedAt = at;
    }

    public long Id { get; private set; }
    public long CommentId { get; private set; }
    public int ConsultationId { get; private set; }
    public int LabelSetId { get; private set; }
    public ModerationOutcome Outcome { get; private set; }

    /// <summary>The moderation label ("Rác", "Xúc phạm"; "Hợp lệ" for a release).</summary>
    public string Reason { get; private set; } = "";
    public string? Note { get; private set; }

    /// <summary>What the model said when the staff decided (null when it had not been applied).</summary>
    public string? ModelLabel { get; private set; }
    public double? Confidence { get; private set; }
    public string DecidedBy { get; private set; } = "";
    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>The noise code a set-aside comment carries in a synthesis ("SetAside:Xúc phạm").</summary>
    public static string NoiseCode(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        // The synthesis stores noise codes in 32 characters.
        return NoisePrefix + (reason.Length > 32 - NoisePrefix.Length ? reason[..(32 - NoisePrefix.Length)] : reason);
    }

    public const string NoisePrefix = "SetAside:";

    private static string? CleanNote(string? note)
    {
        string n = (note ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (n.Length == 0) return null;
        if (n.Length > NoteMaxLength) throw new LabellingException($"Ghi chú dài quá {NoteMaxLength} ký tự / the note is longer than {NoteMaxLength} characters.");
        if (n.Any(c => char.IsControl(c) && c is not ('\n' or '\r'))) throw new LabellingException("Ghi chú chứa ký tự điều khiển / the note contains control characters.");
        return n;
    }
}

/// <summary>
/// A staff label on one item (a sentence) of a situation report. Items are not stored: they are the
/// sentences of the report's parts, keyed by part and a hash of the sentence so a label survives edits of
/// the other sentences. The sentence is kept with the label, so models learn from it like from a comment.
/// </summary>
public sealed class ReportItemLabel : IAuditable
{
    public const int KeyMaxLength = 64;
    public const int TextMaxLength = 2_000;

    private ReportItemLabel()
    {
    }

    public ReportItemLabel(int labelSetId, int reportId, string itemKey, string text, string label, LabelSource source, string labelledBy, DateTimeOffset at)
    {
        LabelSetId = labelSetId;
        ReportId = reportId;
        ItemKey = itemKey;
        Text = text.Length > TextMaxLength ? text[..TextMaxLength] : text;
        Label = label;
        Source = source;
        LabelledBy = labelledBy;
        LabelledAt = at;
    }

    public long Id { get; private set; }
    public int LabelSetId { get; private set; }
    public int ReportId { get; private set; }
    public string ItemKey { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string Label { get; private set; } = "";
    public LabelSource Source { get; private set; }
    public string LabelledBy { get; private set; } = "";
    public DateTimeOffset LabelledAt { get; private set; }

    public void Relabel(string label, string by, DateTimeOffset at)
    {
        Label = label;
        Source = LabelSource.Staff;
        LabelledBy = by;
        LabelledAt = at;
    }
}
