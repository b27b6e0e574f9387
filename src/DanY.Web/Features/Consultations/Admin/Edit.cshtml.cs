using System.Globalization;
using DanY.Domain;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Consultations.Admin;

/// <summary>
/// Changes a consultation's title, window (dates and times in Asia/Ho_Chi_Minh), channels and social groups.
/// The consultation is audited, so the log keeps the old and new values with who and when.
/// </summary>
public sealed class EditModel(DanYDbContext db, IPermissionService permissions, ConsultationCatalog catalog) : PageModel
{
    public Consultation? Consultation { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string OpensDate { get; set; } = "";
    [BindProperty] public string OpensTime { get; set; } = "";
    [BindProperty] public string ClosesDate { get; set; } = "";

    /// <summary>Empty = to the end of that day.</summary>
    [BindProperty] public string? ClosesTime { get; set; }
    [BindProperty] public List<string> Channels { get; set; } = [];
    [BindProperty] public string? Groups { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var c = Consultation!;
        Title = c.Title;
        var opens = VietnamTime.ToLocal(c.OpensAt);
        OpensDate = opens.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        OpensTime = opens.ToString("HH:mm", CultureInfo.InvariantCulture);
        var closes = VietnamTime.ToLocal(c.ClosesAt);
        if (closes.TimeOfDay == TimeSpan.Zero)
        {
            // Exclusive midnight: shown as the last day, "to the end of the day".
            ClosesDate = closes.AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            ClosesTime = "";
        }
        else
        {
            ClosesDate = closes.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            ClosesTime = closes.ToString("HH:mm", CultureInfo.InvariantCulture);
        }
        Channels = [.. c.ChannelList];
        Groups = string.Join(", ", c.SocialGroupList);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var c = await db.Consultations.FirstAsync(x => x.Id == id, ct);
        bool opensOk = DateOnly.TryParseExact(OpensDate?.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opensDay);
        bool closesOk = DateOnly.TryParseExact(ClosesDate?.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closesDay);
        if (!opensOk) Errors.Add("Ngày bắt đầu phải có dạng dd/MM/yyyy.");
        if (!closesOk) Errors.Add("Ngày kết thúc phải có dạng dd/MM/yyyy.");
        var opensTime = ParseTime(OpensTime, "Giờ bắt đầu");
        TimeOnly? closesTime = string.IsNullOrWhiteSpace(ClosesTime) ? null : ParseTime(ClosesTime, "Giờ kết thúc");
        var channels = Channels.Where(x => CommentChannels.All.Contains(x, StringComparer.Ordinal)).ToList();
        if (channels.Count == 0) Errors.Add("Chọn ít nhất một kênh tiếp nhận.");
        if (Errors.Count > 0) return Page();
        try
        {
            var opensAt = VietnamTime.FromLocal(opensDay, opensTime ?? TimeOnly.MinValue);
            var closesAt = closesTime is TimeOnly t ? VietnamTime.FromLocal(closesDay, t) : VietnamTime.EndOfDay(closesDay);
            c.Rename(Title ?? "");
            c.SetWindow(opensAt, closesAt);
            c.SetChannels(channels);
            c.SetSocialGroups((Groups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await db.SaveChangesAsync(ct);
        }
        catch (ConsultationRuleException ex)
        {
            Errors.Add(ex.Message);
            return Page();
        }
        catalog.Invalidate(id);
        TempData["Message"] = $"Đã lưu thay đổi của \"{c.Title}\".";
        return Redirect("/admin/consultations");
    }

    private TimeOnly? ParseTime(string? text, string label)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        Errors.Add(label + " phải có dạng HH:mm (ví dụ 07:30).");
        return null;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return Consultation is not null && await permissions.CanEditAsync(User, Consultation.OwnerUnitId, ct);
    }
}
