using System.Globalization;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using Microsoft.AspNetCore.Mvc;

namespace DanY.Web.Features.Labelling;

/// <summary>A label set's model: train, metrics on the held-back labels, apply to a consultation, counts, bulk accept.</summary>
public sealed class ModelModel(DanYDbContext db, IPermissionService permissions, LabellingService labelling, LabellingJobRunner runner)
    : LabelSetPageModel(db, permissions)
{
    [BindProperty(SupportsGet = true)]
    public int? Consultation { get; set; }

    [BindProperty]
    public string? Threshold { get; set; }

    public IReadOnlyList<ConsultationChoice> Consultations { get; private set; } = [];
    public LabelModel? Current { get; private set; }
    public IReadOnlyList<LabelMetric> Metrics { get; private set; } = [];
    public IReadOnlyList<LabelCount> Counts { get; private set; } = [];
    public LabellingJob? Job { get; private set; }
    public int ScopeCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit: false, cancellationToken) is { } denied) return denied;
        Consultations = await labelling.ConsultationsForAsync(Set.UnitId, cancellationToken);
        if (Consultation is null || !Consultations.Any(c => c.Id == Consultation)) Consultation = Consultations.FirstOrDefault()?.Id;
        Current = await labelling.CurrentModelAsync(Set.Id, cancellationToken);
        if (Current is not null) Metrics = LabellingService.MetricsOf(Current);
        if (Consultation is int c)
        {
            Counts = await labelling.CountsAsync(Set, c, cancellationToken);
            Job = await labelling.LatestJobAsync(Set.Id, c, cancellationToken);
            ScopeCount = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                await labelling.ScopedCommentsAsync(Set, c, cancellationToken), cancellationToken);
            // No script needed: the browser reloads the page while the job runs.
            if (Job is { IsActive: true }) Response.Headers.Append("Refresh", "2");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostTrainAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit: true, cancellationToken) is { } denied) return denied;
        try
        {
            var model = await labelling.TrainAsync(Set, UserId, cancellationToken);
            Message = model.HeldBackExamples > 0
                ? $"Đã huấn luyện mô hình từ {model.TrainingExamples} nhãn; độ chính xác trên {model.HeldBackExamples} nhãn giữ lại: {LabellingFeature.Percent(model.Accuracy)}."
                : $"Đã huấn luyện mô hình từ {model.TrainingExamples} nhãn (chưa đủ nhãn để giữ lại đo độ chính xác).";
        }
        catch (LabellingException ex)
        {
            Error = ex.Message;
        }
        return Back();
    }

    public async Task<IActionResult> OnPostApplyAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit: true, cancellationToken) is { } denied) return denied;
        if (!await InScopeAsync(cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        try
        {
            var job = await labelling.CreateApplyJobAsync(Set, Consultation!.Value, UserId, cancellationToken);
            runner.Enqueue(job.Id);
            Message = "Đã bắt đầu áp dụng mô hình cho các ý kiến; trang tự cập nhật tiến độ.";
        }
        catch (LabellingException ex)
        {
            Error = ex.Message;
        }
        return Back();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit: true, cancellationToken) is { } denied) return denied;
        if (!await InScopeAsync(cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        string raw = (Threshold ?? "").Trim().Replace(',', '.').TrimEnd('%').Trim();
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || value > 100)
        {
            Error = "Ngưỡng tin cậy phải là một số từ 0 đến 100 (%) / the threshold must be a number from 0 to 100 (%).";
            return Back();
        }
        int accepted = await labelling.AcceptAboveAsync(Set, Consultation!.Value, value / 100, UserId, cancellationToken);
        Message = $"Đã chấp nhận {accepted} gợi ý có độ tin cậy từ {value.ToString("0.#", LabellingFeature.Vietnamese)} % trở lên.";
        return Back();
    }

    private async Task<bool> InScopeAsync(CancellationToken cancellationToken) =>
        Consultation is int c && (await labelling.ConsultationsForAsync(Set.UnitId, cancellationToken)).Any(x => x.Id == c);

    private RedirectResult Back() => Redirect($"/labelling/{Set.Id}?consultation={Consultation}");
}
