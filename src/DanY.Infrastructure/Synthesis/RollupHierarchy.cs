using DanY.Domain.Units;
using DanY.Engine.Text;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Synthesis;

/// <summary>A unit of a consultation's target subtree as the roll-up sees it.</summary>
/// <param name="TreeParentId">Parent in the unit tree.</param>
/// <param name="RollupParentId">The unit it submits to: the target of its reporting line (inside the consultation's subtree) or else its tree parent.</param>
/// <param name="Participant">Takes part in the roll-up: the consultation's target, an administrative area, or a unit with a reporting line.</param>
public sealed record RollupUnit(int Id, string Code, string Name, string Path, UnitKind Kind, UnitLevel Level, int? TreeParentId, int? RollupParentId, bool Participant);

/// <summary>
/// Who submits to whom within one consultation. A consultation targets a subtree; inside it every unit
/// that takes part (administrative areas, units with a reporting line, the target itself) submits to the
/// unit above along its reporting line, possibly across systems (a ward's Party committee to the
/// provincial Party committee), else to its tree parent. Comments received by a unit that does not
/// take part (a ward's youth union) belong to the nearest participant above it, so that each comment
/// is carried by exactly one unit's own synthesis and never counted twice up the chain.
/// </summary>
public sealed class RollupHierarchy
{
    private readonly Dictionary<int, RollupUnit> _units;
    private readonly Dictionary<int, int> _owner = [];

    private RollupHierarchy(RollupUnit target, Dictionary<int, RollupUnit> units)
    {
        Target = target;
        _units = units;
    }

    public RollupUnit Target { get; }

    public IReadOnlyCollection<RollupUnit> Units => _units.Values;

    public RollupUnit? Find(int id) => _units.GetValueOrDefault(id);

    public RollupUnit? Find(string code) => _units.Values.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.Ordinal));

    /// <summary>Units expected to submit to <paramref name="parentId"/>, in code order.</summary>
    public IReadOnlyList<RollupUnit> ChildrenOf(int parentId) =>
        _units.Values.Where(u => u.Participant && u.Id != Target.Id && u.RollupParentId == parentId).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    /// <summary>The unit whose own synthesis carries comments received at <paramref name="unitId"/> (the target for units outside the subtree or none).</summary>
    public int OwnerOf(int? unitId)
    {
        if (unitId is not int id || !_units.ContainsKey(id)) return Target.Id;
        if (_owner.TryGetValue(id, out int known)) return known;
        var u = _units[id];
        int owner = u.Participant ? u.Id : OwnerOf(u.TreeParentId);
        _owner[id] = owner;
        return owner;
    }

    /// <summary>Units whose comments are the own comments of <paramref name="unitId"/>.</summary>
    public IReadOnlyList<int> OwnUnits(int unitId) => _units.Keys.Where(id => OwnerOf(id) == unitId).ToList();

    public static async Task<RollupHierarchy> LoadAsync(DanYDbContext db, int targetUnitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        string targetPath = await db.Units.AsNoTracking().Where(u => u.Id == targetUnitId).Select(u => u.Path).SingleAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(targetPath))
            .Select(u => new { u.Id, u.Code, u.Name, u.Path, u.Kind, u.Level, u.ParentId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = rows.Select(r => r.Id).ToHashSet();
        var lines = await db.ReportingLines.AsNoTracking().Where(l => l.FromUnit!.Path.StartsWith(targetPath))
            .Select(l => new { l.Id, l.FromUnitId, l.ToUnitId, l.Purpose })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // A line about comments on drafts wins over a monthly situation report line; then the oldest line.
        var lineTo = lines.Where(l => ids.Contains(l.ToUnitId))
            .GroupBy(l => l.FromUnitId)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => AboutDrafts(l.Purpose) ? 0 : 1).ThenBy(l => l.Id).First().ToUnitId);
        var units = new Dictionary<int, RollupUnit>();
        foreach (var r in rows)
        {
            bool isTarget = r.Id == targetUnitId;
            bool hasLine = lineTo.TryGetValue(r.Id, out int to);
            int? parent = isTarget ? null : hasLine ? to : r.ParentId;
            bool participant = isTarget || hasLine || r.Kind == UnitKind.AdministrativeArea;
            units[r.Id] = new RollupUnit(r.Id, r.Code, r.Name, r.Path, r.Kind, r.Level, isTarget ? null : r.ParentId, parent, participant);
        }
        return new RollupHierarchy(units[targetUnitId], units);
    }

    private static bool AboutDrafts(string purpose)
    {
        string folded = VietnameseText.Fold(purpose);
        return folded.Contains("du thao", StringComparison.Ordinal) || folded.Contains("gop y", StringComparison.Ordinal);
    }
}
