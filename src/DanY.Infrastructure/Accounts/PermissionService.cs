using System.Linq.Expressions;
using System.Security.Claims;
using DanY.Domain.Accounts;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Accounts;

/// <summary>A role a person holds at a unit, with the unit's path so that subtree checks need no join.</summary>
public sealed record UnitGrant(int UnitId, string UnitPath, UnitRole Role);

/// <summary>
/// The one place that decides who may see or change what. Every page and endpoint asks it; a role
/// held at a unit applies to that unit and its whole subtree, and to nothing else.
/// </summary>
public interface IPermissionService
{
    /// <summary>The grants of the signed-in person (empty for anonymous users).</summary>
    Task<IReadOnlyList<UnitGrant>> GrantsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>True when the person holds at least <paramref name="minimum"/> at the unit or at one of its ancestors.</summary>
    Task<bool> HasRoleAsync(ClaimsPrincipal user, int unitId, UnitRole minimum, CancellationToken cancellationToken = default);

    Task<bool> CanViewAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken = default);

    Task<bool> CanEditAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken = default);

    /// <summary>Administrator at a root unit: may read the audit log and manage accounts.</summary>
    Task<bool> IsSystemAdministratorAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>Filters a unit query to the units the person may see (with at least <paramref name="minimum"/>).</summary>
    Task<IQueryable<Unit>> VisibleUnitsAsync(ClaimsPrincipal user, IQueryable<Unit> units, UnitRole minimum = UnitRole.Viewer, CancellationToken cancellationToken = default);

    /// <summary>The pure subtree rule, exposed for the features that already hold the paths.</summary>
    static bool Covers(IEnumerable<UnitGrant> grants, string unitPath, UnitRole minimum) =>
        grants.Any(g => g.Role >= minimum && unitPath.StartsWith(g.UnitPath, StringComparison.Ordinal));
}

internal sealed class PermissionService(DanYDbContext db) : IPermissionService
{
    private readonly Dictionary<string, IReadOnlyList<UnitGrant>> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<UnitGrant>> GrantsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        string? userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null) return [];
        if (_cache.TryGetValue(userId, out var cached)) return cached;
        var grants = await db.UnitRoles.AsNoTracking()
            .Where(r => r.UserId == userId)
            .Select(r => new UnitGrant(r.UnitId, r.Unit!.Path, r.Role))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        _cache[userId] = grants;
        return grants;
    }

    public async Task<bool> HasRoleAsync(ClaimsPrincipal user, int unitId, UnitRole minimum, CancellationToken cancellationToken = default)
    {
        var grants = await GrantsAsync(user, cancellationToken).ConfigureAwait(false);
        if (grants.Count == 0) return false;
        string? path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return path is not null && IPermissionService.Covers(grants, path, minimum);
    }

    public Task<bool> CanViewAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken = default) =>
        HasRoleAsync(user, unitId, UnitRole.Viewer, cancellationToken);

    public Task<bool> CanEditAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken = default) =>
        HasRoleAsync(user, unitId, UnitRole.Editor, cancellationToken);

    public async Task<bool> IsSystemAdministratorAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var grants = await GrantsAsync(user, cancellationToken).ConfigureAwait(false);
        return grants.Any(g => g.Role == UnitRole.Administrator && g.UnitPath.Count(c => c == '/') == 2);
    }

    public async Task<IQueryable<Unit>> VisibleUnitsAsync(ClaimsPrincipal user, IQueryable<Unit> units, UnitRole minimum = UnitRole.Viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var prefixes = (await GrantsAsync(user, cancellationToken).ConfigureAwait(false))
            .Where(g => g.Role >= minimum).Select(g => g.UnitPath).Distinct(StringComparer.Ordinal).ToList();
        if (prefixes.Count == 0) return units.Where(_ => false);
        // u => u.Path.StartsWith(p1) || u.Path.StartsWith(p2) ...: a prefix (LIKE 'p%') on the indexed path.
        var parameter = Expression.Parameter(typeof(Unit), "u");
        var path = Expression.Property(parameter, nameof(Unit.Path));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = prefixes
            .Select(p => (Expression)Expression.Call(path, startsWith, Expression.Constant(p)))
            .Aggregate(Expression.OrElse);
        return units.Where(Expression.Lambda<Func<Unit, bool>>(body, parameter));
    }
}
