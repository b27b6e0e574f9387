using DanY.Domain.Consultations;
using DanY.Infrastructure.Dashboards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanY.Web.Features.Dashboards;

/// <summary>The consultations whose dashboards the signed-in person may open.</summary>
[Authorize]
public sealed class IndexModel(DashboardAccess access) : PageModel
{
    public IReadOnlyList<(Consultation Consultation, int Comments)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await access.VisibleConsultationsAsync(User, cancellationToken);
}
