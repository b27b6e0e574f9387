using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Units;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Units;

/// <summary>The organisation tree: pages under /units, API under /api/units, file export.</summary>
public static class UnitsFeature
{
    public static IServiceCollection AddUnitsFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapUnitsFeature(this IEndpointRouteBuilder endpoints)
    {
        UnitsApi.Map(endpoints);
        endpoints.MapGet("/units/{code}/export.{format:regex(^(csv|xlsx)$)}", ExportAsync).RequireAuthorization().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The unit's subtree as CSV or XLSX (import format), for people who may see the unit.</summary>
    private static async Task<IResult> ExportAsync(string code, string format, HttpContext context, DanYDbContext db, IPermissionService permissions, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null) return TypedResults.NotFound();
        if (!await permissions.CanViewAsync(context.User, unit.Id, cancellationToken)) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        var subtree = await permissions.VisibleUnitsAsync(context.User, db.Units.Where(u => u.Path.StartsWith(unit.Path)), cancellationToken: cancellationToken);
        var rows = await UnitImporter.ExportAsync(subtree, cancellationToken);
        var stream = new MemoryStream();
        string fileName = $"don-vi-{unit.Code}.{format}";
        if (string.Equals(format, "xlsx", StringComparison.Ordinal))
        {
            UnitFile.WriteXlsx(stream, rows);
            stream.Position = 0;
            return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
        }
        UnitFile.WriteCsv(stream, rows);
        stream.Position = 0;
        return TypedResults.File(stream, "text/csv; charset=utf-8", fileName);
    }

    /// <summary>Ancestors of a unit from the root, parsed from its path (ids).</summary>
    public static IReadOnlyList<int> AncestorIds(Unit unit) =>
        unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            .Where(id => id != unit.Id).ToList();
}
