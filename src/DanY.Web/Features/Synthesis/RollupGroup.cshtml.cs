using DanY.Infrastructure.Synthesis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanY.Web.Features.Synthesis;

/// <summary>A merged group of a unit's roll-up opened down to the original comments of its source units, within the reader's permissions.</summary>
public sealed class RollupGroupModel(RollupService rollup) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int ConsultationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string UnitCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string GroupId { get; set; } = "";

    /// <summary>Id of one source unit to read, or none for all the reader may see.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Source { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DrillDown? Result { get; private set; }
    public RollupUnit? Unit { get; private set; }
    public int Pages { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var consultation = await rollup.ConsultationAsync(ConsultationId, cancellationToken);
            Unit = await rollup.UnitAsync(consultation, UnitCode, cancellationToken);
            Result = await rollup.DrillDownAsync(User, ConsultationId, UnitCode, GroupId, Source, Math.Max(1, PageNumber), cancellationToken);
        }
        catch (RollupForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        Pages = Math.Max(1, (Result.Total + RollupService.PageSize - 1) / RollupService.PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        return Page();
    }
}
