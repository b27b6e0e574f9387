using System.Globalization;
using DanY.Domain;
using DanY.Domain.Accounts;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Consultations.Admin;

/// <summary>Creates a consultation (state "draft") over drafts of the staff member's congresses; publishing is a separate, audited step.</summary>
public sealed class NewModel(DanYDbContext db, IPermissionService permissions) : PageModel
{
    public sealed record DraftOption(int Id, string Title, string Congress, int UnitId);

    public IReadOnlyList<DraftOption> Drafts { get; private set; } = [];

    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Opens { get; set; } = "";
    [BindProperty] public string Closes { get; set; } = "";
    [BindProperty] public string? TargetUnitCode { get; set; }
    [BindProperty] public List<int> DraftIds { get; set; } = [];
    [BindProperty] public List<string> Channels { get; set; } = [CommentChannels.Portal, CommentChannels.Conference, CommentChannels.Congress, CommentChannels.Letter, CommentChannels.Intake];
    [BindProperty] public string? Groups { get; set; } = string.Join(", ", Documents.Intake.IntakeVocabulary.DefaultSocialGroups.Take(8));

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var chosen = Drafts.Where(d => DraftIds.Contains(d.Id)).ToList();
        if (chosen.Count == 0) Errors.Add("Chọn ít nhất một dự thảo.");
        bool opensOk = DateOnly.TryParseExact(Opens?.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens);
        bool closesOk = DateOnly.TryParseExact(Closes?.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes);
        if (!opensOk || !closesOk) Errors.Add("Ngày bắt đầu và ngày kết thúc phải có dạng dd/MM/yyyy.");
        int ownerUnit = chosen.FirstOrDefault()?.UnitId ?? 0;
        int targetUnit = ownerUnit;
        if (!string.IsNullOrWhiteSpace(TargetUnitCode))
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Code == TargetUnitCode.Trim()).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unit is null) Errors.Add("Không có đơn vị với mã này.");
            else targetUnit = unit.Value;
        }
        if (Errors.Count > 0) return Page();
        if (!await permissions.CanEditAsync(User, ownerUnit, ct)) return Forbid();
        try
        {
            var consultation = new Consultation(Title, ownerUnit, targetUnit, VietnamTime.FromLocal(opens, TimeOnly.MinValue), VietnamTime.EndOfDay(closes),
                Channels.Where(c => CommentChannels.All.Contains(c, StringComparer.Ordinal)),
                (Groups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            foreach (var d in chosen) consultation.AddDraft(d.Id);
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync(ct);
        }
        catch (ConsultationRuleException ex)
        {
            Errors.Add(ex.Message);
            return Page();
        }
        TempData["Message"] = "Đã tạo đợt lấy ý kiến. Bấm “Công bố” để mở cho người dân góp ý.";
        return Redirect("/admin/consultations");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var units = await StaffScope.UnitIdsAsync(permissions, db, User, UnitRole.Editor, ct);
        Drafts = await db.Drafts.AsNoTracking()
            .Join(db.Congresses.AsNoTracking().Where(c => units.Contains(c.UnitId)), d => d.CongressId, c => c.Id, (d, c) => new DraftOption(d.Id, d.Title, c.Name, c.UnitId))
            .Where(d => db.Drafts.Any(x => x.Id == d.Id && x.CurrentVersionId != null))
            .OrderBy(d => d.Id).ToListAsync(ct);
        if (Opens.Length == 0)
        {
            var today = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime);
            Opens = today.ToString("dd/MM/yyyy", PlatformExtensions.Vietnamese);
            Closes = today.AddMonths(1).ToString("dd/MM/yyyy", PlatformExtensions.Vietnamese);
        }
    }
}
