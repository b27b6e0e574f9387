using System.Security.Claims;
using DanY.Infrastructure.Auditing;

namespace DanY.Web.Shared;

/// <summary>The signed-in staff member, for the audit log.</summary>
internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string Id => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? SystemActor.Instance.Id;

    public string Name => accessor.HttpContext?.User.Identity?.Name ?? SystemActor.Instance.Name;
}
