using DanY.Documents.Intake;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Conferences;

/// <summary>
/// The secretary's form: the comments said at a conference, one after another, from the keyboard only.
/// After each save the page comes back with the focus on the section list (autofocus) and the
/// same section chosen, so a run of comments on one section needs only the stance and the text.
/// </summary>
public sealed class EntryModel(DanYDbContext db, IPermissionService permissions, ConsultationCatalog catalog, CommentWriter writer, DatabaseSettings settings) : PageModel
{
    public sealed record Entered(string Receipt, string? SectionRef, Stance Stance, string Text, string? Group);

    public Conference? Conference { get; private set; }
    public ConsultationInfo? Consultation { get; private set; }
    public IReadOnlyList<(DraftSummary Draft, DraftText Text)> Drafts { get; private set; } = [];
    public IReadOnlyList<Entered> Comments { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanEdit { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    [BindProperty] public string? Stance { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty] public string Key { get; set; } = Guid.NewGuid().ToString("N");
    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The stored minutes (DOCX or PDF), for whoever may see the conference.</summary>
    public async Task<IActionResult> OnGetMinutesAsync(int id, CancellationToken ct)
    {
        var conference = await db.Conferences.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (conference?.MinutesPath is not { } relative || !await permissions.CanViewAsync(User, conference.HostUnitId, ct)) return NotFound();
        string root = Path.GetFullPath(settings.DataPath);
        string path = Path.GetFullPath(Path.Combine(root, relative));
        // The path was written by the upload, but the data folder is the only place a download may come from.
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !System.IO.File.Exists(path)) return NotFound();
        string contentType = Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase)
            ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        string name = conference.MinutesFileName is { Length: > 0 } n ? n : "bien-ban" + Path.GetExtension(path);
        Response.Headers.CacheControl = "private, no-store";
        return PhysicalFile(path, contentType, name);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        // Target is "draftId|ref" or "draftId|" for the whole draft.
        var parts = (Target ?? "").Split('|');
        var draft = parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out int draftId)
            ? Drafts.FirstOrDefault(d => d.Draft.Id == draftId) : default;
        string? sectionRef = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null;
        if (draft.Text is null || (sectionRef is not null && !draft.Text.ByRef.ContainsKey(sectionRef))) Errors.Add("Chọn mục của dự thảo.");
        var stance = Stances.Parse(Stance);
        if (stance is null) Errors.Add("Chọn quan điểm (Tán thành, Không tán thành, Đồng ý một phần).");
        string text = TextSanitizer.Clean(Text);
        if (text.Length == 0) Errors.Add("Nhập nội dung ý kiến.");
        if (text.Length > Comment.TextMaxLength) Errors.Add("Nội dung dài quá 5.000 ký tự.");
        if (Errors.Count > 0) return Page();
        var result = await writer.SubmitAsync(new NewComment(Conference!.ConsultationId, draft.Draft.Id, draft.Text!.VersionId, sectionRef, stance!.Value, text,
            Conference.Channel, "conf-" + Conference.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Key[..Math.Min(Key.Length, 64)],
            UnitId: Conference.HostUnitId, SocialGroup: string.IsNullOrWhiteSpace(Group) ? null : TextSanitizer.Clean(Group, keepLineBreaks: false),
            ConferenceId: Conference.Id), ct);
        Saved = result.Receipt;
        return Redirect($"/admin/conferences/{id}?target={Uri.EscapeDataString(Target!)}&group={Uri.EscapeDataString(Group ?? "")}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Conference = await db.Conferences.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (Conference is null || !await permissions.CanViewAsync(User, Conference.HostUnitId, ct)) return false;
        CanEdit = await permissions.CanEditAsync(User, Conference.HostUnitId, ct);
        catalog.Invalidate(Conference.ConsultationId);
        Consultation = await catalog.GetAsync(Conference.ConsultationId, ct);
        if (Consultation is null) return false;
        var drafts = new List<(DraftSummary, DraftText)>();
        foreach (var d in Consultation.Drafts)
        {
            if (d.CurrentVersionId is int v && await catalog.VersionAsync(v) is { } text) drafts.Add((d, text));
        }
        Drafts = drafts;
        var query = db.Comments.AsNoTracking().Where(c => c.ConferenceId == id);
        Total = await query.CountAsync(ct);
        Comments = await query.OrderByDescending(c => c.Id).Take(50)
            .Select(c => new Entered(c.Receipt, c.SectionRef, c.Stance, c.Text, c.SocialGroup)).ToListAsync(ct);
        return true;
    }
}
