using System.Globalization;
using DanY.Domain.Synthesis;
using DanY.Engine.Text;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Synthesis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanY.Web.Features.Synthesis;

/// <summary>Children of a unit in a consultation's roll-up with their submission status (on time, late, missing), filterable; the due date is edited here.</summary>
public sealed class ChildrenModel(RollupService rollup, IPermissionService permissions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int ConsultationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string UnitCode { get; set; } = "";

    /// <summary>submitted | late | missing | empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public RollupUnit? Unit { get; private set; }
    public string ConsultationTitle { get; private set; } = "";
    public DateTimeOffset DueAt { get; private set; }
    public IReadOnlyList<ChildStatus> All { get; private set; } = [];
    public IReadOnlyList<ChildStatus> Shown { get; private set; } = [];
    public bool CanEditDue { get; private set; }
    public string? Message { get; private set; }

    public int Count(SubmissionState state) => All.Count(c => c.State == state);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDueAsync(string? due, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(due ?? "", ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Message = "Ngày không hợp lệ (dd/MM/yyyy) / invalid date.";
            return await LoadAsync(cancellationToken);
        }
        try
        {
            await rollup.SetDueDateAsync(User, ConsultationId, date, cancellationToken);
        }
        catch (RollupForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (ArgumentException ex)
        {
            Message = ex.Message;
            return await LoadAsync(cancellationToken);
        }
        return RedirectToPage("Children", new { ConsultationId, UnitCode, Status, Q });
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        DanY.Domain.Consultations.Consultation consultation;
        try
        {
            consultation = await rollup.ConsultationAsync(ConsultationId, cancellationToken);
            Unit = await rollup.UnitAsync(consultation, UnitCode, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        if (!await rollup.CanViewAsync(User, Unit, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        ConsultationTitle = consultation.Title;
        DueAt = await rollup.DueAtAsync(consultation, cancellationToken);
        var h = await rollup.HierarchyAsync(consultation, cancellationToken);
        await rollup.EnsureFrozenAsync(consultation, cancellationToken);
        All = await rollup.ChildrenAsync(ConsultationId, h, Unit, DueAt, cancellationToken);
        CanEditDue = await permissions.CanEditAsync(User, consultation.OwnerUnitId, cancellationToken);
        IEnumerable<ChildStatus> shown = All;
        if (SubmissionStates.Parse(Status) is { } state) shown = shown.Where(c => c.State == state);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            string q = VietnameseText.Fold(Q.Trim());
            shown = shown.Where(c => VietnameseText.Fold(c.Unit.Name).Contains(q, StringComparison.Ordinal) || c.Unit.Code.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase));
        }
        // Missing first, then late, then on time: what needs chasing comes first.
        Shown = shown.OrderByDescending(c => c.State).ThenBy(c => c.Unit.Code, StringComparer.Ordinal).ToList();
        return Page();
    }
}
