using System.ComponentModel.DataAnnotations;
using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Units;
using DanY.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Units;

/// <summary>A unit as the API shows it.</summary>
public sealed record UnitDto(string Code, string Name, string Kind, string Level, string System, string? ParentCode, int Depth);

/// <summary>Changes to a unit; omitted fields keep their value.</summary>
public sealed record UnitUpdate([property: MaxLength(Unit.NameMaxLength)] string? Name, string? Kind, string? Level, string? System);

internal static class UnitsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapDanYApi("/units").WithTags("Units");
        api.MapGet("/", ListAsync).WithSummary("Đơn vị con của một đơn vị, hoặc các đơn vị được giao quyền / Children of a unit, or the units you hold roles at");
        api.MapGet("/{code}", GetAsync).WithSummary("Một đơn vị / One unit");
        api.MapPut("/{code}", UpdateAsync).WithSummary("Sửa đơn vị (quyền biên tập) / Edit a unit (editor)");
    }

    private static UnitDto Dto(Unit u) =>
        new(u.Code, u.Name, u.Kind.ToString(), u.Level.ToString(), u.System.ToString(), u.Parent?.Code, u.Depth);

    private static UnitDto WithDepth(UnitDto dto, string path) => dto with { Depth = path.Count(c => c == '/') - 2 };

    private static async Task<Results<Ok<List<UnitDto>>, NotFound, ForbidHttpResult>> ListAsync(
        string? parent, string? q, HttpContext context, DanYDbContext db, IPermissionService permissions, CancellationToken cancellationToken)
    {
        IQueryable<Unit> query;
        if (!string.IsNullOrWhiteSpace(parent))
        {
            var parentUnit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == parent, cancellationToken);
            if (parentUnit is null) return TypedResults.NotFound();
            if (!await permissions.CanViewAsync(context.User, parentUnit.Id, cancellationToken)) return TypedResults.Forbid();
            query = db.Units.Where(u => u.ParentId == parentUnit.Id);
        }
        else if (!string.IsNullOrWhiteSpace(q))
        {
            string folded = DanY.Engine.Text.VietnameseText.Fold(q.Trim());
            query = await permissions.VisibleUnitsAsync(context.User, db.Units.Where(u => u.NameFolded.Contains(folded)), cancellationToken: cancellationToken);
        }
        else
        {
            var ids = (await permissions.GrantsAsync(context.User, cancellationToken)).Select(g => g.UnitId).ToList();
            query = db.Units.Where(u => ids.Contains(u.Id));
        }
        var rows = await query.AsNoTracking().OrderBy(u => u.Code).Take(1000)
            .Select(u => new { Dto = new UnitDto(u.Code, u.Name, u.Kind.ToString(), u.Level.ToString(), u.System.ToString(), u.Parent != null ? u.Parent.Code : null, 0), u.Path })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => WithDepth(r.Dto, r.Path)).ToList());
    }

    private static async Task<Results<Ok<UnitDto>, NotFound, ForbidHttpResult>> GetAsync(
        string code, HttpContext context, DanYDbContext db, IPermissionService permissions, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null) return TypedResults.NotFound();
        if (!await permissions.CanViewAsync(context.User, unit.Id, cancellationToken)) return TypedResults.Forbid();
        return TypedResults.Ok(Dto(unit));
    }

    private static async Task<Results<Ok<UnitDto>, NotFound, ForbidHttpResult, ValidationProblem>> UpdateAsync(
        string code, UnitUpdate update, HttpContext context, DanYDbContext db, IPermissionService permissions, CancellationToken cancellationToken)
    {
        var unit = await db.Units.Include(u => u.Parent).SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null) return TypedResults.NotFound();
        if (!await permissions.CanEditAsync(context.User, unit.Id, cancellationToken)) return TypedResults.Forbid();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = unit.Kind;
        var level = unit.Level;
        var system = unit.System;
        if (update.Kind is not null && !UnitFile.TryParseKind(update.Kind, out kind)) errors["kind"] = [$"Loại đơn vị không hợp lệ / Unknown kind \"{update.Kind}\"."];
        if (update.Level is not null && !UnitFile.TryParseLevel(update.Level, out level)) errors["level"] = [$"Cấp không hợp lệ / Unknown level \"{update.Level}\"."];
        if (update.System is not null && !UnitFile.TryParseSystem(update.System, out system)) errors["system"] = [$"Hệ thống không hợp lệ / Unknown system \"{update.System}\"."];
        try
        {
            if (update.Name is not null) unit.Rename(update.Name);
        }
        catch (UnitValidationException e)
        {
            errors["name"] = [e.Message];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        unit.Classify(kind, level, system);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Dto(unit));
    }
}
