using System.Text.Json;
using DanY.Domain.Auditing;

namespace DanY.Domain.Monitoring;

public enum ReportStatus
{
    Draft,
    Submitted,
    Returned,
    Accepted,
}

/// <summary>The social groups (tầng lớp Nhân dân) whose thoughts and moods a report describes.</summary>
public enum SocialGroup
{
    Workers,
    Farmers,
    Intellectuals,
    Business,
    Youth,
    Women,
    Veterans,
    EthnicMinorities,
    Religious,
}

/// <summary>The counted complicated cases of a period.</summary>
public sealed record SituationCounts(int Complaints, int MassPetitions, int Hotspots, int HostileContent, int Resolved)
{
    public static SituationCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public const int Max = 1_000_000;

    public int TotalCases => Complaints + MassPetitions + Hotspots + HostileContent;

    public static SituationCounts operator +(SituationCounts a, SituationCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Complaints + b.Complaints, a.MassPetitions + b.MassPetitions, a.Hotspots + b.Hotspots, a.HostileContent + b.HostileContent, a.Resolved + b.Resolved);
    }

    public static SituationCounts Add(SituationCounts a, SituationCounts b) => a + b;

    /// <summary>Each count with its Vietnamese label, in the order of the form.</summary>
    public IReadOnlyList<(string Key, string Label, int Value)> Items() =>
    [
        ("complaints", MonitoringLabels.Complaints, Complaints),
        ("mass-petitions", MonitoringLabels.MassPetitions, MassPetitions),
        ("hotspots", MonitoringLabels.Hotspots, Hotspots),
        ("hostile-content", MonitoringLabels.HostileContent, HostileContent),
        ("resolved", MonitoringLabels.Resolved, Resolved),
    ];
}

/// <summary>The text parts of a report, as staff type them.</summary>
public sealed record SituationContent
{
    public const int PartMaxLength = 20_000;

    public string GeneralSituation { get; init; } = "";
    public string MoodsOverall { get; init; } = "";
    public IReadOnlyDictionary<SocialGroup, string> GroupMoods { get; init; } = new Dictionary<SocialGroup, string>();
    public string PublicOpinion { get; init; } = "";
    public string ComplicatedCases { get; init; } = "";
    public string HandlingResults { get; init; } = "";
    public string ForecastAndRecommendations { get; init; } = "";
}

/// <summary>
/// A unit's situation report (báo cáo tình hình Nhân dân) for one period. Draft → submitted → returned for
/// revision (→ submitted again) → accepted. Only drafts and returned reports can be edited; the first
/// submission time decides timeliness, so a report returned and resubmitted after the deadline still
/// counts as on time if it was first sent in time.
/// </summary>
public sealed class SituationReport : IAuditable
{
    public const int NoteMaxLength = 2_000;

    private SituationReport()
    {
    }

    public SituationReport(int unitId, ReportingPeriod period, bool compiled = false)
    {
        ArgumentNullException.ThrowIfNull(period);
        UnitId = unitId;
        if (period.Id > 0) PeriodId = period.Id;
        else Period = period;
        IsCompiled = compiled;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public Units.Unit? Unit { get; private set; }
    public int PeriodId { get; private set; }
    public ReportingPeriod? Period { get; private set; }

    /// <summary>True for a report assembled from the children's reports by the compiling unit.</summary>
    public bool IsCompiled { get; private set; }

    public ReportStatus Status { get; private set; } = ReportStatus.Draft;

    public string GeneralSituation { get; private set; } = "";
    public string MoodsOverall { get; private set; } = "";

    /// <summary>JSON object of social group → text; read it through <see cref="Content"/>.</summary>
    public string GroupMoodsData { get; private set; } = "{}";

    public string PublicOpinion { get; private set; } = "";
    public string ComplicatedCases { get; private set; } = "";
    public string HandlingResults { get; private set; } = "";
    public string ForecastAndRecommendations { get; private set; } = "";

    public int Complaints { get; private set; }
    public int MassPetitions { get; private set; }
    public int Hotspots { get; private set; }
    public int HostileContent { get; private set; }
    public int Resolved { get; private set; }

    public DateTime? FirstSubmittedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }

    /// <summary>Why the report was returned (shown to the reporting unit).</summary>
    public string? ReviewNote { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;

    public SituationCounts Counts => new(Complaints, MassPetitions, Hotspots, HostileContent, Resolved);

    public SituationContent Content => new()
    {
        GeneralSituation = GeneralSituation,
        MoodsOverall = MoodsOverall,
        GroupMoods = ReadMoods(GroupMoodsData),
        PublicOpinion = PublicOpinion,
        ComplicatedCases = ComplicatedCases,
        HandlingResults = HandlingResults,
        ForecastAndRecommendations = ForecastAndRecommendations,
    };

    /// <summary>Replaces the content and counts; refused unless the report is a draft or was returned.</summary>
    public void Edit(SituationContent content, SituationCounts counts, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(counts);
        if (!IsEditable) throw new MonitoringValidationException("Báo cáo đã gửi, không thể sửa / The report was submitted and cannot be edited.");
        var errors = ValidateFormat(content, counts);
        if (errors.Count > 0) throw new MonitoringValidationException(errors[0]);
        GeneralSituation = Clean(content.GeneralSituation);
        MoodsOverall = Clean(content.MoodsOverall);
        GroupMoodsData = JsonSerializer.Serialize(content.GroupMoods
            .Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .OrderBy(kv => kv.Key)
            .ToDictionary(kv => kv.Key.ToString(), kv => Clean(kv.Value), StringComparer.Ordinal));
        PublicOpinion = Clean(content.PublicOpinion);
        ComplicatedCases = Clean(content.ComplicatedCases);
        HandlingResults = Clean(content.HandlingResults);
        ForecastAndRecommendations = Clean(content.ForecastAndRecommendations);
        Complaints = counts.Complaints;
        MassPetitions = counts.MassPetitions;
        Hotspots = counts.Hotspots;
        HostileContent = counts.HostileContent;
        Resolved = counts.Resolved;
        UpdatedAt = utcNow;
    }

    public void Submit(DateTime utcNow)
    {
        if (!IsEditable) throw new MonitoringValidationException("Chỉ gửi được báo cáo nháp hoặc bị trả lại / Only a draft or returned report can be submitted.");
        var errors = ValidateForSubmission(Content, Counts);
        if (errors.Count > 0) throw new MonitoringValidationException(string.Join(" ", errors));
        Status = ReportStatus.Submitted;
        SubmittedAt = utcNow;
        FirstSubmittedAt ??= utcNow;
        UpdatedAt = utcNow;
    }

    public void Return(string reason, string reviewer, DateTime utcNow)
    {
        if (Status != ReportStatus.Submitted) throw new MonitoringValidationException("Chỉ trả lại được báo cáo đã gửi / Only a submitted report can be returned.");
        reason = Clean(reason ?? "");
        if (reason.Length == 0) throw new MonitoringValidationException("Cần ghi lý do trả lại / A reason for returning is required.");
        if (reason.Length > NoteMaxLength) throw new MonitoringValidationException("Lý do quá dài / The reason is too long.");
        Status = ReportStatus.Returned;
        ReviewNote = reason;
        ReviewedBy = reviewer;
        ReviewedAt = utcNow;
        UpdatedAt = utcNow;
    }

    public void Accept(string reviewer, DateTime utcNow)
    {
        if (Status != ReportStatus.Submitted) throw new MonitoringValidationException("Chỉ tiếp nhận được báo cáo đã gửi / Only a submitted report can be accepted.");
        Status = ReportStatus.Accepted;
        ReviewedBy = reviewer;
        ReviewedAt = utcNow;
        UpdatedAt = utcNow;
    }

    /// <summary>Rules every saved draft keeps: lengths and count ranges.</summary>
    public static List<string> ValidateFormat(SituationContent content, SituationCounts counts)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(counts);
        var errors = new List<string>();
        foreach (var (label, text) in Parts(content))
        {
            if (text.Length > SituationContent.PartMaxLength)
                errors.Add($"Mục \"{label}\" quá dài (tối đa {SituationContent.PartMaxLength} ký tự) / Part too long.");
            if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
                errors.Add($"Mục \"{label}\" chứa ký tự điều khiển / Part contains control characters.");
        }
        foreach (var (_, label, value) in counts.Items())
        {
            if (value < 0 || value > SituationCounts.Max)
                errors.Add($"Số \"{label}\" phải từ 0 đến {SituationCounts.Max} / Count must be 0 to {SituationCounts.Max}.");
        }
        if (counts.Resolved > counts.TotalCases)
            errors.Add("Số vụ việc đã giải quyết không được lớn hơn tổng số vụ việc / Resolved cases cannot exceed all cases.");
        return errors;
    }

    /// <summary>Format rules plus the parts a report cannot be sent without.</summary>
    public static List<string> ValidateForSubmission(SituationContent content, SituationCounts counts)
    {
        var errors = ValidateFormat(content, counts);
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(content.GeneralSituation))
            errors.Add("Cần nhập mục \"Tình hình chung\" / The general situation is required.");
        if (string.IsNullOrWhiteSpace(content.MoodsOverall) && content.GroupMoods.Values.All(string.IsNullOrWhiteSpace))
            errors.Add("Cần nhập mục \"Tư tưởng, tâm trạng các tầng lớp Nhân dân\" / Thoughts and moods are required.");
        if (string.IsNullOrWhiteSpace(content.ForecastAndRecommendations))
            errors.Add("Cần nhập mục \"Dự báo và kiến nghị, đề xuất\" / Forecast and recommendations are required.");
        return errors;
    }

    public static IEnumerable<(string Label, string Text)> Parts(SituationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        yield return (MonitoringLabels.GeneralSituation, content.GeneralSituation);
        yield return (MonitoringLabels.MoodsOverall, content.MoodsOverall);
        foreach (var (group, text) in content.GroupMoods) yield return (MonitoringLabels.Of(group), text);
        yield return (MonitoringLabels.PublicOpinion, content.PublicOpinion);
        yield return (MonitoringLabels.ComplicatedCases, content.ComplicatedCases);
        yield return (MonitoringLabels.HandlingResults, content.HandlingResults);
        yield return (MonitoringLabels.Forecast, content.ForecastAndRecommendations);
    }

    private static string Clean(string text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Normalize(System.Text.NormalizationForm.FormC);

    private static Dictionary<SocialGroup, string> ReadMoods(string data)
    {
        var result = new Dictionary<SocialGroup, string>();
        if (string.IsNullOrWhiteSpace(data)) return result;
        var raw = JsonSerializer.Deserialize<Dictionary<string, string>>(data) ?? [];
        foreach (var (key, value) in raw)
        {
            if (Enum.TryParse<SocialGroup>(key, out var group)) result[group] = value;
        }
        return result;
    }
}

/// <summary>A file attached to a report (minutes, photos, a scanned letter); the bytes live in the data folder.</summary>
public sealed class ReportAttachment : IAuditable
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private ReportAttachment()
    {
    }

    public ReportAttachment(int reportId, string fileName, string contentType, long size, string sha256, string storedName)
    {
        if (size <= 0 || size > MaxBytes) throw new MonitoringValidationException("Tệp đính kèm phải nhỏ hơn 10 MB và không rỗng / Attachments must be non-empty and under 10 MB.");
        string name = Path.GetFileName((fileName ?? "").Trim());
        if (name.Length == 0 || name.Length > 200) throw new MonitoringValidationException("Tên tệp không hợp lệ / Invalid file name.");
        ReportId = reportId;
        FileName = name;
        ContentType = contentType.Length > 128 ? "application/octet-stream" : contentType;
        Size = size;
        Sha256 = sha256;
        StoredName = storedName;
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string StoredName { get; private set; } = "";
}
