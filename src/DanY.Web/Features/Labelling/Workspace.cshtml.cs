using System.Globalization;
using DanY.Domain.Labelling;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Labelling;
using Microsoft.AspNetCore.Mvc;

namespace DanY.Web.Features.Labelling;

/// <summary>Receives the workspace panel's forms (labels, accept one, accept the page, accept above a confidence) and sends staff back.</summary>
public sealed class WorkspaceModel(DanYDbContext db, IPermissionService permissions, LabellingService labelling) : LabelSetPageModel(db, permissions)
{
    [BindProperty(Name = "Set")]
    public int SetId { get; set; }

    [BindProperty]
    public int Consultation { get; set; }

    [BindProperty]
    public long Group { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public Dictionary<long, string?> Labels { get; set; } = [];

    [BindProperty]
    public long? Accept { get; set; }

    [BindProperty]
    public bool AcceptPage { get; set; }

    [BindProperty]
    public int Threshold { get; set; } = 90;

    public IActionResult OnGet() => Redirect("/labelling");

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(SetId, edit: true, cancellationToken) is { } denied) return denied;
        try
        {
            var accept = new List<long>();
            if (Accept is long one) accept.Add(one);
            if (AcceptPage) accept.AddRange(Labels.Where(kv => string.IsNullOrEmpty(kv.Value)).Select(kv => kv.Key));
            // Comments whose suggestion is being accepted are not also cleared by their empty select.
            var labels = Labels.Where(kv => !accept.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            int changed = await labelling.SetLabelsAsync(Set, Consultation, labels, UserId, cancellationToken);
            int accepted = accept.Count == 0 ? 0
                : await labelling.AcceptAboveAsync(Set, Consultation, 0, UserId, cancellationToken, Group, accept);
            TempData[WorkspaceLabellingViewComponent.MessageKey] = accepted > 0
                ? string.Create(CultureInfo.InvariantCulture, $"Đã lưu {changed} thay đổi nhãn và nhận {accepted} gợi ý.")
                : string.Create(CultureInfo.InvariantCulture, $"Đã lưu {changed} thay đổi nhãn.");
        }
        catch (LabellingException ex)
        {
            TempData[WorkspaceLabellingViewComponent.ErrorKey] = ex.Message;
        }
        return Back();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(SetId, edit: true, cancellationToken) is { } denied) return denied;
        try
        {
            if (Threshold is < 1 or > 100) throw new LabellingException("Ngưỡng tin cậy phải từ 1 đến 100 % / the threshold must be 1 to 100 %.");
            int accepted = await labelling.AcceptAboveAsync(Set, Consultation, Threshold / 100.0, UserId, cancellationToken, Group);
            TempData[WorkspaceLabellingViewComponent.MessageKey] =
                string.Create(CultureInfo.InvariantCulture, $"Đã chấp nhận {accepted} gợi ý có độ tin cậy từ {Threshold} % trong nhóm.");
        }
        catch (LabellingException ex)
        {
            TempData[WorkspaceLabellingViewComponent.ErrorKey] = ex.Message;
        }
        return Back();
    }

    private IActionResult Back() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("//", StringComparison.Ordinal)
            ? Redirect(ReturnUrl)
            : Redirect(string.Create(CultureInfo.InvariantCulture, $"/synthesis/{Consultation}/groups/{Group}#labelling"));
}
