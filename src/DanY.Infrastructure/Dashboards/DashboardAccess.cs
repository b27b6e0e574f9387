using System.Security.Claims;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Dashboards;

/// <summary>Who may open which consultation dashboard, decided through the one <see cref="IPermissionService"/>.</summary>
public sealed class DashboardAccess(DanYDbContext db, IPermissionService permissions)
{
    /// <summary>
    /// Staff who may see the consultation as a whole (owner or target unit, like the synthesis workspace) may see
    /// any unit of it; others may see the units of the consultation's subtree they hold a role over.
    /// </summary>
    public async Task<bool> CanViewAsync(ClaimsPrincipal user, int consultationId, int unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var c = await db.Consultations.AsNoTracking().Where(c => c.Id == consultationId).Select(c => new { c.OwnerUnitId, c.TargetUnitId })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (c is null) return false;
        // Only the target unit and the units below it have a dashboard of this consultation.
        var paths = await db.Units.AsNoTracking().Where(u => u.Id == unitId || u.Id == c.TargetUnitId).Select(u => new { u.Id, u.Path })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        string? target = paths.FirstOrDefault(p => p.Id == c.TargetUnitId)?.Path;
        string? unit = paths.FirstOrDefault(p => p.Id == unitId)?.Path;
        if (target is null || unit is null || !unit.StartsWith(target, StringComparison.Ordinal)) return false;
        if (await permissions.CanViewAsync(user, c.OwnerUnitId, cancellationToken).ConfigureAwait(false)
            || await permissions.CanViewAsync(user, c.TargetUnitId, cancellationToken).ConfigureAwait(false)) return true;
        return await permissions.CanViewAsync(user, unitId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The unit a person lands on: the consultation's target unit when they may see it, otherwise their own highest unit inside it.</summary>
    public async Task<int?> DefaultUnitAsync(ClaimsPrincipal user, int consultationId, CancellationToken cancellationToken = default)
    {
        var c = await db.Consultations.AsNoTracking().Where(c => c.Id == consultationId).Select(c => new { c.OwnerUnitId, c.TargetUnitId })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (c is null) return null;
        if (await permissions.CanViewAsync(user, c.OwnerUnitId, cancellationToken).ConfigureAwait(false)
            || await permissions.CanViewAsync(user, c.TargetUnitId, cancellationToken).ConfigureAwait(false)) return c.TargetUnitId;
        string target = await db.Units.AsNoTracking().Where(u => u.Id == c.TargetUnitId).Select(u => u.Path).SingleAsync(cancellationToken).ConfigureAwait(false);
        var grants = await permissions.GrantsAsync(user, cancellationToken).ConfigureAwait(false);
        return grants.Where(g => g.UnitPath.StartsWith(target, StringComparison.Ordinal)).OrderBy(g => g.UnitPath.Length).Select(g => (int?)g.UnitId).FirstOrDefault();
    }

    /// <summary>Consultations a person may open a dashboard of, newest first: those whose subtree meets one of their units.</summary>
    public async Task<IReadOnlyList<(Consultation Consultation, int Comments)>> VisibleConsultationsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var grants = await permissions.GrantsAsync(user, cancellationToken).ConfigureAwait(false);
        if (grants.Count == 0) return [];
        // Consultations are few; SQLite cannot order by a DateTimeOffset, so they are ordered here.
        var all = (await db.Consultations.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).ToList();
        var unitIds = all.SelectMany(c => new[] { c.OwnerUnitId, c.TargetUnitId }).Distinct().ToList();
        var paths = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, cancellationToken).ConfigureAwait(false);
        var counts = await db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Received).GroupBy(c => c.ConsultationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        bool Meets(int unitId) => paths.TryGetValue(unitId, out var p)
            && grants.Any(g => p.StartsWith(g.UnitPath, StringComparison.Ordinal) || g.UnitPath.StartsWith(p, StringComparison.Ordinal));
        return [.. all.Where(c => Meets(c.OwnerUnitId) || Meets(c.TargetUnitId)).Select(c => (c, counts.GetValueOrDefault(c.Id)))];
    }
}
