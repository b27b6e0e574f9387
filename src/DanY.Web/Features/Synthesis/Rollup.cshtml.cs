using DanY.Domain.Synthesis;
using DanY.Infrastructure.Synthesis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanY.Web.Features.Synthesis;

/// <summary>
/// A unit's roll-up: its merged synthesis (own comments plus the syntheses its children submitted), with
/// the source units of each group, its children's submission status at a glance, and the button that
/// submits it to the unit above. Without a unit code: the units of the consultation the reader may open.
/// </summary>
public sealed class RollupModel(RollupService rollup) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int ConsultationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UnitCode { get; set; }

    public RollupView? View { get; private set; }
    public bool CanSubmit { get; private set; }
    public string? Message { get; private set; }
    public string? Notice { get; private set; }
    public IReadOnlyList<RollupUnit> Choices { get; private set; } = [];
    public string ConsultationTitle { get; private set; } = "";

    /// <summary>Section headings "draftId|ref" → (order, heading), and draft titles.</summary>
    public IReadOnlyDictionary<string, (int Order, string Heading)> Headings { get; private set; } = new Dictionary<string, (int, string)>(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(bool submitted, CancellationToken cancellationToken)
    {
        if (submitted) Notice = "Đã gửi bản tổng hợp lên cấp trên.";
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await rollup.SubmitAsync(User, ConsultationId, UnitCode ?? "", cancellationToken);
        }
        catch (RollupForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (InvalidOperationException ex)
        {
            Message = ex.Message;
            return await LoadAsync(cancellationToken);
        }
        return RedirectToPage("Rollup", new { ConsultationId, UnitCode, submitted = true });
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        Infrastructure.Synthesis.RollupUnit unit;
        try
        {
            var consultation = await rollup.ConsultationAsync(ConsultationId, cancellationToken);
            ConsultationTitle = consultation.Title;
            if (string.IsNullOrWhiteSpace(UnitCode))
            {
                var h = await rollup.HierarchyAsync(consultation, cancellationToken);
                var choices = new List<RollupUnit>();
                foreach (var u in h.Units.Where(u => u.Participant).OrderBy(u => u.Path.Length).ThenBy(u => u.Code, StringComparer.Ordinal))
                {
                    if (await rollup.CanViewAsync(User, u, cancellationToken)) choices.Add(u);
                    if (choices.Count >= 200) break;
                }
                if (choices.Count == 0) return StatusCode(StatusCodes.Status403Forbidden);
                Choices = choices;
                return Page();
            }
            unit = await rollup.UnitAsync(consultation, UnitCode, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        if (!await rollup.CanViewAsync(User, unit, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        View = await rollup.ViewAsync(ConsultationId, unit.Code, cancellationToken);
        CanSubmit = View.Unit.Participant && View.Parent is not null && View.Run is not null && await rollup.CanSubmitAsync(User, unit, cancellationToken);
        Headings = await rollup.HeadingsAsync(View.Consultation, cancellationToken);
        return Page();
    }

    public (int Order, string Heading) Heading(string sectionKey)
    {
        if (Headings.TryGetValue(sectionKey, out var h)) return h;
        var (_, reference) = RollupService.ParseSectionKey(sectionKey);
        return (int.MaxValue, reference.Length == 0 ? "Ý kiến chung về toàn bộ dự thảo" : reference);
    }

    public static string StateClass(SubmissionState state) => state switch
    {
        SubmissionState.OnTime => "ontime",
        SubmissionState.Late => "late",
        _ => "missing",
    };
}
