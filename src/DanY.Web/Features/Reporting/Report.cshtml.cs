using System.Globalization;
using DanY.Domain.Monitoring;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Reporting;

public sealed class ReportInput
{
    public string? General { get; set; }
    public string? Moods { get; set; }
    public Dictionary<string, string?> Groups { get; set; } = new(StringComparer.Ordinal);
    public string? Opinion { get; set; }
    public string? Complicated { get; set; }
    public string? Handling { get; set; }
    public string? Forecast { get; set; }
    public Dictionary<string, string?> Counts { get; set; } = new(StringComparer.Ordinal);
}

public sealed class ReportModel(SituationMonitoring monitoring, ReportCompiler compiler, IPermissionService permissions) : PageModel
{
    public SituationReport Report { get; private set; } = null!;
    public SituationReport? Previous { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    public List<ReportAttachment> Attachments { get; private set; } = [];
    public List<ChildCounts> Children { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public Dictionary<string, string> CountErrors { get; } = new(StringComparer.Ordinal);
    public string? Message { get; private set; }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        if (result is not null) return result;
        Message = done switch
        {
            "saved" => "Đã lưu bản nháp.",
            "submitted" => "Đã gửi báo cáo lên cấp trên.",
            "returned" => "Đã trả lại báo cáo để đơn vị sửa.",
            "accepted" => "Đã tiếp nhận báo cáo.",
            "attached" => "Đã đính kèm tệp.",
            "compiled" => "Đã tổng hợp từ báo cáo của các đơn vị cấp dưới. Kiểm tra, sửa rồi lưu hoặc gửi.",
            _ => null,
        };
        Fill();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) => EditAsync(id, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => EditAsync(id, submit: true, ct);

    public async Task<IActionResult> OnPostReturnAsync(int id, string? reason, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        if (result is not null) return result;
        try
        {
            await monitoring.ReturnAsync(User, Report, reason ?? "", ct);
            return Redirect($"/reporting/reports/{id}?done=returned");
        }
        catch (MonitoringValidationException e)
        {
            Errors.Add(e.Message);
            Fill();
            return Page();
        }
        catch (MonitoringForbiddenException)
        {
            return Forbid();
        }
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        if (result is not null) return result;
        try
        {
            await monitoring.AcceptAsync(User, Report, ct);
            return Redirect($"/reporting/reports/{id}?done=accepted");
        }
        catch (MonitoringValidationException e)
        {
            Errors.Add(e.Message);
            Fill();
            return Page();
        }
        catch (MonitoringForbiddenException)
        {
            return Forbid();
        }
    }

    public async Task<IActionResult> OnPostAttachAsync(int id, IFormFile? file, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        if (result is not null) return result;
        try
        {
            if (file is null || file.Length == 0) throw new MonitoringValidationException("Chưa chọn tệp hoặc tệp rỗng / No file, or the file is empty.");
            if (file.Length > ReportAttachment.MaxBytes) throw new MonitoringValidationException("Tệp đính kèm phải nhỏ hơn 10 MB / Attachments must be under 10 MB.");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            await monitoring.AttachAsync(User, Report, file.FileName, file.ContentType ?? "application/octet-stream", buffer.ToArray(), ct);
            return Redirect($"/reporting/reports/{id}?done=attached");
        }
        catch (MonitoringValidationException e)
        {
            Errors.Add(e.Message);
            Fill();
            return Page();
        }
        catch (MonitoringForbiddenException)
        {
            return Forbid();
        }
    }

    private async Task<IActionResult> EditAsync(int id, bool submit, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        if (result is not null) return result;
        if (!CanEdit) return Forbid();
        var counts = ParseCounts();
        var content = new SituationContent
        {
            GeneralSituation = Input.General ?? "",
            MoodsOverall = Input.Moods ?? "",
            GroupMoods = Enum.GetValues<SocialGroup>()
                .Where(g => !string.IsNullOrWhiteSpace(Input.Groups.GetValueOrDefault(g.ToString())))
                .ToDictionary(g => g, g => Input.Groups[g.ToString()]!),
            PublicOpinion = Input.Opinion ?? "",
            ComplicatedCases = Input.Complicated ?? "",
            HandlingResults = Input.Handling ?? "",
            ForecastAndRecommendations = Input.Forecast ?? "",
        };
        if (counts is null) return Page();
        Errors.AddRange(submit ? SituationReport.ValidateForSubmission(content, counts) : SituationReport.ValidateFormat(content, counts));
        if (Errors.Count > 0) return Page();
        try
        {
            await monitoring.SaveAsync(User, Report, content, counts, ct);
            if (submit) await monitoring.SubmitAsync(User, Report, ct);
        }
        catch (MonitoringValidationException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
        return Redirect($"/reporting/reports/{id}?done={(submit ? "submitted" : "saved")}");
    }

    /// <summary>Counts typed as text, so that "abc" or "-3" get a Vietnamese message next to the field instead of the framework's.</summary>
    private SituationCounts? ParseCounts()
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, label, _) in SituationCounts.Zero.Items())
        {
            string text = (Input.Counts.GetValueOrDefault(key) ?? "").Trim().Replace(".", "", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                values[key] = 0;
                continue;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > SituationCounts.Max)
            {
                CountErrors[key] = $"\"{label}\" phải là số nguyên từ 0 đến {SituationCounts.Max.ToString("N0", DanY.Web.Shared.PlatformExtensions.Vietnamese)} / must be a whole number from 0.";
                continue;
            }
            values[key] = value;
        }
        if (CountErrors.Count > 0)
        {
            Errors.Add("Số liệu chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu / Some counts are not valid.");
            return null;
        }
        return new SituationCounts(values["complaints"], values["mass-petitions"], values["hotspots"], values["hostile-content"], values["resolved"]);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        try
        {
            Report = await monitoring.LoadAsync(User, id, ct);
        }
        catch (MonitoringNotFoundException)
        {
            return NotFound();
        }
        catch (MonitoringForbiddenException)
        {
            return Forbid();
        }
        Previous = await monitoring.PreviousAsync(Report, ct);
        CanEdit = Report.IsEditable && await permissions.CanEditAsync(User, Report.UnitId, ct);
        CanReview = !Report.IsCompiled && Report.Status == ReportStatus.Submitted && await monitoring.CanReviewAsync(User, Report.Period!.Obligation!, ct);
        if (Report.IsCompiled) Children = await compiler.BreakdownAsync(Report.PeriodId, ct);
        Attachments = await monitoring.Db.ReportAttachments.AsNoTracking().Where(a => a.ReportId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return null;
    }

    private void Fill()
    {
        var c = Report.Content;
        Input = new ReportInput
        {
            General = c.GeneralSituation,
            Moods = c.MoodsOverall,
            Groups = c.GroupMoods.ToDictionary(kv => kv.Key.ToString(), kv => (string?)kv.Value, StringComparer.Ordinal),
            Opinion = c.PublicOpinion,
            Complicated = c.ComplicatedCases,
            Handling = c.HandlingResults,
            Forecast = c.ForecastAndRecommendations,
            Counts = Report.Counts.Items().ToDictionary(i => i.Key, i => (string?)i.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal),
        };
    }

    public int? PreviousCount(string key) => Previous?.Counts.Items().First(i => string.Equals(i.Key, key, StringComparison.Ordinal)).Value;
}
