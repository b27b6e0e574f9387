using DanY.Domain.Accounts;
using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Units;

public enum UnitImportAction
{
    Create,
    Update,
    Unchanged,
}

public sealed record UnitImportItem(UnitFileRow Row, UnitImportAction Action, UnitKind Kind, UnitLevel Level, UnitSystem System);

/// <summary>What an import would do; nothing is written while <see cref="Errors"/> is not empty.</summary>
public sealed record UnitImportPreview(IReadOnlyList<UnitImportItem> Items, IReadOnlyList<UnitFileError> Errors)
{
    public bool CanCommit => Errors.Count == 0 && Items.Count > 0;
    public int Creates => Items.Count(i => i.Action == UnitImportAction.Create);
    public int Updates => Items.Count(i => i.Action == UnitImportAction.Update);
}

/// <summary>Validates a unit file row by row against the tree and the importer's rights, then applies it in one transaction.</summary>
public sealed class UnitImporter(DanYDbContext db)
{
    /// <param name="grants">The importer's grants; null for the system (CLI), which may change anything.</param>
    public async Task<UnitImportPreview> PreviewAsync(Stream stream, string fileName, IReadOnlyList<UnitGrant>? grants, CancellationToken cancellationToken = default)
    {
        var (rows, errors) = UnitFile.Read(stream, fileName);
        if (errors.Count > 0) return new UnitImportPreview([], errors);
        if (rows.Count == 0) return new UnitImportPreview([], [new UnitFileError(0, "Tệp không có dòng dữ liệu nào / The file has no data rows.")]);

        var existing = await db.Units.AsNoTracking()
            .Select(u => new { u.Code, u.Name, u.Kind, u.Level, u.System, u.Path, ParentCode = u.Parent != null ? u.Parent.Code : "" })
            .ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, cancellationToken).ConfigureAwait(false);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        // A new unit inherits the rights question from its nearest existing ancestor.
        var newUnitAnchor = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var items = new List<UnitImportItem>();
        foreach (var row in rows)
        {
            var rowErrors = new List<string>();
            try { Unit.ValidateCode(row.Code); } catch (UnitValidationException e) { rowErrors.Add(e.Message); }
            try { Unit.ValidateName(row.Name); } catch (UnitValidationException e) { rowErrors.Add(e.Message); }
            if (!UnitFile.TryParseKind(row.Kind, out var kind)) rowErrors.Add($"Loại đơn vị \"{row.Kind}\" không hợp lệ / Unknown kind \"{row.Kind}\".");
            if (!UnitFile.TryParseLevel(row.Level, out var level)) rowErrors.Add($"Cấp \"{row.Level}\" không hợp lệ / Unknown level \"{row.Level}\".");
            if (!UnitFile.TryParseSystem(row.System, out var system)) rowErrors.Add($"Hệ thống \"{row.System}\" không hợp lệ / Unknown system \"{row.System}\".");
            if (row.Code.Length > 0 && seen.TryGetValue(row.Code, out int firstLine))
                rowErrors.Add($"Mã \"{row.Code}\" trùng với dòng {firstLine} / Code \"{row.Code}\" duplicates line {firstLine}.");

            string? anchorPath = null;
            existing.TryGetValue(row.Code, out var current);
            if (row.ParentCode.Length == 0)
            {
                if (current is null || current.ParentCode.Length > 0)
                    rowErrors.Add("Thiếu mã đơn vị cấp trên / Parent code is missing.");
                anchorPath = current?.Path;
            }
            else if (string.Equals(row.ParentCode, row.Code, StringComparison.OrdinalIgnoreCase))
            {
                rowErrors.Add("Đơn vị không thể là cấp trên của chính nó / A unit cannot be its own parent.");
            }
            else if (existing.TryGetValue(row.ParentCode, out var parent))
            {
                anchorPath = current?.Path ?? parent.Path;
            }
            else if (seen.ContainsKey(row.ParentCode) && newUnitAnchor.TryGetValue(row.ParentCode, out var inherited))
            {
                anchorPath = current?.Path ?? inherited;
            }
            else
            {
                rowErrors.Add($"Không tìm thấy đơn vị cấp trên \"{row.ParentCode}\" (phải có sẵn hoặc ở dòng trước) / Parent \"{row.ParentCode}\" not found (must exist or come on an earlier line).");
            }
            if (current is not null && row.ParentCode.Length > 0 && !string.Equals(current.ParentCode, row.ParentCode, StringComparison.OrdinalIgnoreCase))
                rowErrors.Add($"Không thể chuyển đơn vị \"{row.Code}\" sang cấp trên khác qua nhập tệp / Moving \"{row.Code}\" to another parent is not supported by import.");
            if (grants is not null && anchorPath is not null && !IPermissionService.Covers(grants, anchorPath, UnitRole.Editor))
                rowErrors.Add($"Bạn không có quyền biên tập đơn vị \"{(current is null ? row.ParentCode : row.Code)}\" / You may not edit \"{(current is null ? row.ParentCode : row.Code)}\".");

            if (row.Code.Length > 0) seen.TryAdd(row.Code, row.Line);
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(m => new UnitFileError(row.Line, m)));
                continue;
            }
            if (current is null) newUnitAnchor[row.Code] = anchorPath!;
            var action = current is null ? UnitImportAction.Create
                : string.Equals(current.Name, DanY.Engine.Text.VietnameseText.Normalize(row.Name.Trim()), StringComparison.Ordinal)
                  && current.Kind == kind && current.Level == level && current.System == system
                    ? UnitImportAction.Unchanged : UnitImportAction.Update;
            items.Add(new UnitImportItem(row, action, kind, level, system));
        }
        return new UnitImportPreview(items, errors);
    }

    /// <summary>Applies a preview without errors; returns the number of units created or updated.</summary>
    public async Task<int> CommitAsync(UnitImportPreview preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        if (!preview.CanCommit) throw new InvalidOperationException("Tệp còn lỗi, không nhập / The file has errors; nothing imported.");
        var codes = preview.Items.SelectMany(i => new[] { i.Row.Code, i.Row.ParentCode }).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var byCode = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in codes.Chunk(500))
        {
            foreach (var u in await db.Units.Where(u => chunk.Contains(u.Code)).ToListAsync(cancellationToken).ConfigureAwait(false))
                byCode[u.Code] = u;
        }
        int changed = 0;
        foreach (var item in preview.Items)
        {
            if (item.Action == UnitImportAction.Unchanged) continue;
            if (byCode.TryGetValue(item.Row.Code, out var unit))
            {
                unit.Rename(item.Row.Name);
                unit.Classify(item.Kind, item.Level, item.System);
            }
            else
            {
                unit = new Unit(item.Row.Code, item.Row.Name, item.Kind, item.Level, item.System, byCode[item.Row.ParentCode]);
                db.Units.Add(unit);
                byCode[unit.Code] = unit;
            }
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>The units visible in <paramref name="units"/> as file rows, parents first.</summary>
    public static async Task<List<UnitFileRow>> ExportAsync(IQueryable<Unit> units, CancellationToken cancellationToken = default)
    {
        var list = await units.AsNoTracking().OrderBy(u => u.Path)
            .Select(u => new { u.Code, u.Name, u.Kind, u.Level, u.System, u.Path, ParentCode = u.Parent != null ? u.Parent.Code : "" })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Path order puts parents before children; sort by depth to keep that for sibling ids.
        return list.OrderBy(u => u.Path.Length).ThenBy(u => u.Path, StringComparer.Ordinal)
            .Select((u, i) => new UnitFileRow(i + 2, u.Code, u.Name, u.Kind.ToString(), u.Level.ToString(), u.System.ToString(), u.ParentCode))
            .ToList();
    }
}
