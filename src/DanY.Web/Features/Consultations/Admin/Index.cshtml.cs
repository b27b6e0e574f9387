using DanY.Domain.Accounts;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Consultations.Admin;

public sealed class IndexModel(DanYDbContext db, IPermissionService permissions, ConsultationCatalog catalog) : PageModel
{
    public sealed record Row(int Id, string Title, ConsultationStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Owner, int Comments, bool CanEdit, IReadOnlyList<(int Id, string Title)> Drafts);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = await StaffScope.UnitIdsAsync(permissions, db, User, UnitRole.Viewer, ct);
        var editable = await StaffScope.UnitIdsAsync(permissions, db, User, UnitRole.Editor, ct);
        var list = await db.Consultations.AsNoTracking().Where(c => visible.Contains(c.OwnerUnitId)).OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.Status, c.OpensAt, c.ClosesAt, c.OwnerUnitId, Owner = db.Units.Where(u => u.Id == c.OwnerUnitId).Select(u => u.Name).First() })
            .ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var counts = await db.Comments.AsNoTracking().Where(c => ids.Contains(c.ConsultationId)).GroupBy(c => c.ConsultationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var drafts = await db.ConsultationDrafts.AsNoTracking().Where(d => ids.Contains(d.ConsultationId)).OrderBy(d => d.Order)
            .Select(d => new { d.ConsultationId, d.DraftId, d.Draft!.Title }).ToListAsync(ct);
        Rows = list.Select(c => new Row(c.Id, c.Title, c.Status, c.OpensAt, c.ClosesAt, c.Owner, counts.GetValueOrDefault(c.Id), editable.Contains(c.OwnerUnitId),
            drafts.Where(d => d.ConsultationId == c.Id).Select(d => (d.DraftId, d.Title)).ToList())).ToList();
    }

    public async Task<IActionResult> OnPostTransitionAsync(int id, string action, CancellationToken ct)
    {
        var consultation = await db.Consultations.Include(c => c.Drafts).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return NotFound();
        if (!await permissions.CanEditAsync(User, consultation.OwnerUnitId, ct)) return Forbid();
        try
        {
            switch (action)
            {
                case "publish": consultation.Publish(); break;
                case "close": consultation.Close(); break;
                case "reopen": consultation.Reopen(); break;
                case "synthesised": consultation.MarkSynthesised(); break;
                default: return BadRequest();
            }
            await db.SaveChangesAsync(ct);
            catalog.Invalidate(id);
            Message = $"Đã chuyển \"{consultation.Title}\" sang trạng thái \"{Consultation.StatusLabel(consultation.Status)}\".";
        }
        catch (ConsultationRuleException ex)
        {
            Message = ex.Message;
        }
        return RedirectToPage();
    }
}
