using DanY.Documents.Drafts;
using DanY.Documents.Intake;
using DanY.Domain.Accounts;
using DanY.Domain.Consultations;
using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Consultations.Admin;

/// <summary>Imports a DOCX or Markdown draft (a new draft, or a new version of one) through DanY.Documents.</summary>
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public sealed class ImportModel(DanYDbContext db, IPermissionService permissions, ConsultationCatalog catalog) : PageModel
{
    public sealed record Option(int Id, string Label);

    public IReadOnlyList<Option> Congresses { get; private set; } = [];
    public IReadOnlyList<Option> Drafts { get; private set; } = [];
    public IReadOnlyList<Option> Units { get; private set; } = [];

    [BindProperty] public int? CongressId { get; set; }
    [BindProperty] public int? DraftId { get; set; }
    [BindProperty] public string? NewCongressName { get; set; }
    [BindProperty] public string? NewCongressOrdinal { get; set; }
    [BindProperty] public int? NewCongressUnitId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public string? Error { get; private set; }
    public IReadOnlyList<SectionView>? Imported { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public VersionChanges? Changes { get; private set; }
    public string? ImportedTitle { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Upload is null || Upload.Length == 0)
        {
            Error = "Vui lòng chọn tệp dự thảo (.docx hoặc .md).";
            return Page();
        }
        DraftOutline outline;
        try
        {
            await using var stream = Upload.OpenReadStream();
            outline = DraftImporter.Import(stream, Upload.FileName, UploadLimits.Default);
        }
        catch (DocumentRejectedException ex)
        {
            Error = "Không nhập được tệp: " + ex.VietnameseMessage;
            return Page();
        }
        if (!outline.Flatten().Any())
        {
            Error = "Không tìm thấy đề mục nào (Phần thứ nhất, I., 1., a) ...) trong tệp; dự thảo chưa được nhập.";
            return Page();
        }

        Draft draft;
        if (DraftId is int existing)
        {
            draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == existing, ct) ?? throw new InvalidOperationException();
            int unit = await db.Congresses.Where(c => c.Id == draft.CongressId).Select(c => c.UnitId).SingleAsync(ct);
            if (!await permissions.CanEditAsync(User, unit, ct)) return Forbid();
        }
        else
        {
            int congressId;
            try
            {
                if (CongressId is int c)
                {
                    int unit = await db.Congresses.Where(x => x.Id == c).Select(x => x.UnitId).SingleAsync(ct);
                    if (!await permissions.CanEditAsync(User, unit, ct)) return Forbid();
                    congressId = c;
                }
                else
                {
                    if (NewCongressUnitId is not int unitId || !await permissions.CanEditAsync(User, unitId, ct))
                    {
                        Error = "Chọn đơn vị tổ chức đại hội thuộc phạm vi của bạn.";
                        return Page();
                    }
                    var level = await db.Units.Where(u => u.Id == unitId).Select(u => u.Level).SingleAsync(ct);
                    var congress = new Congress(unitId, level, NewCongressOrdinal ?? "", 2025, 2030, NewCongressName ?? "");
                    db.Congresses.Add(congress);
                    await db.SaveChangesAsync(ct);
                    congressId = congress.Id;
                }
                draft = new Draft(congressId, string.IsNullOrWhiteSpace(Title) ? (outline.Title.Length > 0 ? outline.Title : Upload.FileName) : Title);
            }
            catch (Exception ex) when (ex is ConsultationRuleException or ArgumentException)
            {
                Error = ex.Message;
                return Page();
            }
            db.Drafts.Add(draft);
            await db.SaveChangesAsync(ct);
        }
        Changes = await DraftVersions.ImportAsync(db, draft, Path.GetFileName(Upload.FileName), outline, DateTimeOffset.UtcNow, ct);
        catalog.InvalidateAll();
        Imported = (await catalog.VersionAsync(Changes.VersionId))?.Sections;
        Warnings = outline.Warnings;
        ImportedTitle = draft.Title;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var editable = await permissions.VisibleUnitsAsync(User, db.Units.AsNoTracking(), UnitRole.Editor, ct);
        var editableIds = await editable.Where(u => u.Kind != UnitKind.AdministrativeArea || u.Level != UnitLevel.Commune)
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Name }).Take(300).ToListAsync(ct);
        Units = editableIds.Select(u => new Option(u.Id, u.Name)).ToList();
        var unitIds = await StaffScope.UnitIdsAsync(permissions, db, User, UnitRole.Editor, ct);
        var congresses = await db.Congresses.AsNoTracking().Where(c => unitIds.Contains(c.UnitId)).OrderBy(c => c.Id).ToListAsync(ct);
        Congresses = congresses.Select(c => new Option(c.Id, c.Name)).ToList();
        var congressIds = congresses.Select(c => c.Id).ToList();
        Drafts = await db.Drafts.AsNoTracking().Where(d => congressIds.Contains(d.CongressId)).OrderBy(d => d.Id)
            .Select(d => new Option(d.Id, d.Title)).ToListAsync(ct);
    }
}
