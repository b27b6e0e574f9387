using System.Globalization;
using DanY.Domain;
using DanY.Documents.Intake;
using DanY.Domain.Accounts;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Conferences;

/// <summary>The conferences (hội nghị), grassroots congresses and letters of a consultation; a new one with its minutes.</summary>
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public sealed class IndexModel(DanYDbContext db, IPermissionService permissions, DatabaseSettings settings) : PageModel
{
    public sealed record Row(int Id, string Title, string Host, ConferenceChair Chair, string InvitedGroup, DateOnly Date, string Place, int Attendance, string Channel, string? Minutes, int Comments);

    public sealed record UnitOption(int Id, string Name);

    public Consultation? Consultation { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<UnitOption> Units { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public int HostUnitId { get; set; }
    [BindProperty] public ConferenceChair Chair { get; set; } = ConferenceChair.StandingCommittee;
    [BindProperty] public string InvitedGroup { get; set; } = "";
    [BindProperty] public string Date { get; set; } = "";
    [BindProperty] public string Place { get; set; } = "";
    [BindProperty] public int Attendance { get; set; }
    [BindProperty] public string Channel { get; set; } = CommentChannels.Conference;
    [BindProperty] public IFormFile? Minutes { get; set; }

    public static IReadOnlyList<string> InvitedGroups { get; } =
    [
        "Cán bộ lão thành cách mạng, nguyên lãnh đạo", "Cựu chiến binh", "Trí thức, văn nghệ sĩ", "Hiệu trưởng, nhà giáo",
        "Doanh nghiệp", "Công nhân, người lao động", "Nông dân", "Thanh niên", "Phụ nữ", "Chức sắc, tín đồ tôn giáo", "Đảng viên chi bộ",
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit || !await permissions.CanEditAsync(User, HostUnitId, ct)) return Forbid();
        if (!DateOnly.TryParseExact(Date?.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            Errors.Add("Ngày họp phải có dạng dd/MM/yyyy.");
        if (Channel is not (CommentChannels.Conference or CommentChannels.Congress or CommentChannels.Letter))
            Errors.Add("Hình thức không hợp lệ.");
        byte[]? minutes = null;
        if (Minutes is { Length: > 0 })
        {
            if (Minutes.Length > UploadLimits.Default.MaxFileBytes) Errors.Add("Tệp biên bản quá 20 MB.");
            else
            {
                using var buffer = new MemoryStream();
                await Minutes.CopyToAsync(buffer, ct);
                minutes = buffer.ToArray();
                bool pdf = minutes.AsSpan().StartsWith("%PDF-"u8);
                bool docx = false;
                if (!pdf)
                {
                    try
                    {
                        using var check = PackageGuard.Open(new MemoryStream(minutes), PackageKind.Docx);
                        docx = true;
                    }
                    catch (DocumentRejectedException ex)
                    {
                        Errors.Add("Biên bản không hợp lệ: " + ex.VietnameseMessage);
                    }
                }
                if (!pdf && !docx && Errors.Count == 0) Errors.Add("Biên bản phải là tệp .docx hoặc .pdf.");
            }
        }
        if (Errors.Count > 0) return Page();
        try
        {
            var conference = new Conference(id, HostUnitId, Chair, Title, InvitedGroup, date, Place, Attendance, Channel);
            db.Conferences.Add(conference);
            await db.SaveChangesAsync(ct);
            if (minutes is not null)
            {
                string folder = Path.Combine(settings.DataPath, "minutes");
                Directory.CreateDirectory(folder);
                string ext = minutes.AsSpan().StartsWith("%PDF-"u8) ? ".pdf" : ".docx";
                string path = Path.Combine(folder, conference.Id.ToString(CultureInfo.InvariantCulture) + ext);
                await System.IO.File.WriteAllBytesAsync(path, minutes, ct);
                conference.AttachMinutes(Path.GetFileName(Minutes!.FileName), Path.GetRelativePath(settings.DataPath, path));
                await db.SaveChangesAsync(ct);
            }
            return Redirect($"/admin/conferences/{conference.Id}");
        }
        catch (ConsultationRuleException ex)
        {
            Errors.Add(ex.Message);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (Consultation is null || !await permissions.CanViewAsync(User, Consultation.OwnerUnitId, ct)) return false;
        CanEdit = await permissions.CanEditAsync(User, Consultation.OwnerUnitId, ct);
        var counts = await db.Comments.AsNoTracking().Where(c => c.ConsultationId == id && c.ConferenceId != null)
            .GroupBy(c => c.ConferenceId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var list = await db.Conferences.AsNoTracking().Where(c => c.ConsultationId == id).OrderBy(c => c.Date).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Title, Host = db.Units.Where(u => u.Id == c.HostUnitId).Select(u => u.Name).First(), c.Chair, c.InvitedGroup, c.Date, c.Place, c.Attendance, c.Channel, c.MinutesFileName })
            .ToListAsync(ct);
        Rows = list.Select(c => new Row(c.Id, c.Title, c.Host, c.Chair, c.InvitedGroup, c.Date, c.Place, c.Attendance, c.Channel, c.MinutesFileName, counts.GetValueOrDefault(c.Id))).ToList();
        var visible = await permissions.VisibleUnitsAsync(User, db.Units.AsNoTracking(), UnitRole.Editor, ct);
        Units = await visible.Where(u => u.Level != Domain.Units.UnitLevel.Commune || u.Kind != Domain.Units.UnitKind.AdministrativeArea)
            .OrderBy(u => u.Path).Take(300).Select(u => new UnitOption(u.Id, u.Name)).ToListAsync(ct);
        if (HostUnitId == 0) HostUnitId = Consultation.OwnerUnitId;
        if (Date.Length == 0) Date = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return true;
    }
}
