using System.Globalization;
using DanY.Domain;
using DanY.Domain.Consultations;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Dashboards;

/// <summary>
/// The figures of a consultation dashboard for a unit's subtree. Every count is a GROUP BY in the database over the
/// received comments (the comments themselves are never loaded), so the page stays fast with hundreds of thousands
/// of comments; only the aggregated rows (a few per channel, section, day or unit) come back.
/// </summary>
public sealed class DashboardQueries(DanYDbContext db, TimeProvider clock)
{
    /// <summary>Opinion groups listed on a dashboard.</summary>
    public const int TopGroupCount = 10;

    /// <summary>The per-day series never spans more than this many days (a window of a year at most).</summary>
    public const int MaxDays = 400;

    public const string GeneralSectionHeading = "Ý kiến chung về toàn bộ dự thảo";
    public const string UnknownSocialGroup = "Không xác định";

    private sealed record Scope(int ConsultationId, int UnitId, string UnitPath, bool Whole);

    /// <summary>The dashboard of <paramref name="consultationId"/> for the subtree of <paramref name="unitId"/> (the target unit when null).</summary>
    public async Task<ConsultationDashboard> BuildAsync(int consultationId, int? unitId = null, CancellationToken cancellationToken = default)
    {
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Drafts).SingleOrDefaultAsync(c => c.Id == consultationId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Không có đợt lấy ý kiến số {consultationId} / no consultation {consultationId}.");
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == (unitId ?? consultation.TargetUnitId), cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Không có đơn vị số {unitId} / no unit {unitId}.");
        string targetPath = await db.Units.AsNoTracking().Where(u => u.Id == consultation.TargetUnitId).Select(u => u.Path).SingleAsync(cancellationToken).ConfigureAwait(false);
        var scope = new Scope(consultationId, unit.Id, unit.Path, targetPath.StartsWith(unit.Path, StringComparison.Ordinal));

        var comments = Comments(scope);
        int total = await comments.CountAsync(cancellationToken).ConfigureAwait(false);
        var (from, to, perDay) = await PerDayAsync(scope, consultation, cancellationToken).ConfigureAwait(false);
        var byChannel = await ByChannelAsync(comments, cancellationToken).ConfigureAwait(false);
        var bySection = await BySectionAsync(comments, consultation, cancellationToken).ConfigureAwait(false);

        var groups = (await comments.GroupBy(c => c.SocialGroup).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(x => string.IsNullOrWhiteSpace(x.Key) ? "" : x.Key.Trim(), StringComparer.Ordinal)
            .Select(g => new DashboardCount(g.Key, g.Key.Length == 0 ? UnknownSocialGroup : g.Key, g.Sum(x => x.Count)))
            .OrderBy(x => x.Key.Length == 0).ThenByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

        var stanceCounts = await comments.GroupBy(c => c.Stance).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byStance = new[] { Stance.Agree, Stance.Partly, Stance.Disagree }
            .Select(s => new DashboardCount(Stances.Code(s), Stances.Label(s), stanceCounts.Where(x => x.Key == s).Sum(x => x.Count))).ToList();

        var run = await db.SynthesisRuns.AsNoTracking().Where(r => r.ConsultationId == consultationId).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.CreatedAt }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var topGroups = run is null ? [] : await TopGroupsAsync(comments, run.Id, consultation, bySection, cancellationToken).ConfigureAwait(false);

        var (children, atUnit, withoutUnit, outside) = await ByChildUnitAsync(comments, unit, cancellationToken).ConfigureAwait(false);
        return new ConsultationDashboard(consultationId, consultation.Title, unit.Id, unit.Code, unit.Name, scope.Whole, total, from, to, perDay, byChannel, bySection,
            groups, byStance, run?.Id, run?.CreatedAt, topGroups, children, atUnit, withoutUnit, outside);
    }

    /// <summary>Received comments of the scope: all of the consultation's for its target unit (or above), else those of units in the subtree.</summary>
    private IQueryable<Comment> Comments(Scope scope)
    {
        var query = db.Comments.AsNoTracking().Where(c => c.ConsultationId == scope.ConsultationId && c.Status == CommentStatus.Received);
        if (scope.Whole) return query;
        string prefix = scope.UnitPath;
        return query.Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(prefix)));
    }

    /// <summary>Comments per local day from the opening of the window to its close (or today while it is open), zero days included.</summary>
    private async Task<(DateOnly From, DateOnly To, IReadOnlyList<DayCount> Days)> PerDayAsync(Scope scope, Consultation consultation, CancellationToken cancellationToken)
    {
        // Grouping by a local day needs date arithmetic that EF does not translate for both providers: one small SQL per provider.
        int offsetHours = (int)VietnamTime.Offset.TotalHours;
        string unitFilter = scope.Whole ? "" : " AND c.\"UnitId\" IN (SELECT u.\"Id\" FROM units u WHERE u.\"Path\" LIKE {2})";
        string day = db.Database.IsNpgsql()
            ? $"to_char((c.\"SubmittedAt\" AT TIME ZONE 'UTC') + interval '{offsetHours.ToString(CultureInfo.InvariantCulture)} hours', 'YYYY-MM-DD')"
            : $"date(c.\"SubmittedAt\", '+{offsetHours.ToString(CultureInfo.InvariantCulture)} hours')";
        string sql = $"SELECT {day} AS \"Day\", COUNT(*) AS \"Count\" FROM comments c WHERE c.\"ConsultationId\" = {{0}} AND c.\"Status\" = {{1}}{unitFilter} GROUP BY {day}";
        object[] parameters = scope.Whole
            ? [scope.ConsultationId, nameof(CommentStatus.Received)]
            : [scope.ConsultationId, nameof(CommentStatus.Received), scope.UnitPath + "%"];
        var rows = await db.Database.SqlQueryRaw<DayRow>(sql, parameters).ToListAsync(cancellationToken).ConfigureAwait(false);
        var counts = rows.Where(r => r.Day is not null)
            .ToDictionary(r => DateOnly.ParseExact(r.Day!, "yyyy-MM-dd", CultureInfo.InvariantCulture), r => (int)r.Count);

        var from = VietnamTime.LocalDate(consultation.OpensAt.UtcDateTime);
        var close = VietnamTime.LocalDate(consultation.ClosesAt.UtcDateTime.AddTicks(-1));
        var today = VietnamTime.Today(clock);
        var to = close < today ? close : today;
        // Comments dated outside the window (late intake, back-dated letters) still show.
        if (counts.Count > 0)
        {
            if (counts.Keys.Min() < from) from = counts.Keys.Min();
            if (counts.Keys.Max() > to) to = counts.Keys.Max();
        }
        if (to < from) to = from;
        if (to.DayNumber - from.DayNumber + 1 > MaxDays) from = to.AddDays(-(MaxDays - 1));
        var days = new List<DayCount>(to.DayNumber - from.DayNumber + 1);
        for (var d = from; d <= to; d = d.AddDays(1)) days.Add(new DayCount(d, counts.GetValueOrDefault(d)));
        return (from, to, days);
    }

    private sealed class DayRow
    {
        public string? Day { get; set; }
        public long Count { get; set; }
    }

    private static async Task<IReadOnlyList<DashboardCount>> ByChannelAsync(IQueryable<Comment> comments, CancellationToken cancellationToken) =>
        (await comments.GroupBy(c => c.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new DashboardCount(x.Key, CommentChannels.Label(x.Key), x.Count)).ToList();

    /// <summary>Every section of the consultation's drafts in heading order (sections without comments too), then comments on sections no longer in the current version.</summary>
    private async Task<IReadOnlyList<SectionCount>> BySectionAsync(IQueryable<Comment> comments, Consultation consultation, CancellationToken cancellationToken)
    {
        var counts = await comments.GroupBy(c => new { c.DraftId, c.SectionRef }).Select(g => new { g.Key.DraftId, g.Key.SectionRef, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byKey = counts.GroupBy(x => (x.DraftId, x.SectionRef ?? "")).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var draftIds = consultation.Drafts.OrderBy(d => d.Order).Select(d => d.DraftId).ToList();
        foreach (int extra in counts.Select(c => c.DraftId).Distinct().Where(id => !draftIds.Contains(id)).Order()) draftIds.Add(extra);
        var drafts = await db.Drafts.AsNoTracking().Where(d => draftIds.Contains(d.Id)).Select(d => new { d.Id, d.Title, d.CurrentVersionId })
            .ToDictionaryAsync(d => d.Id, cancellationToken).ConfigureAwait(false);
        var versionIds = drafts.Values.Where(d => d.CurrentVersionId is not null).Select(d => d.CurrentVersionId!.Value).ToList();
        var sections = await db.DraftSections.AsNoTracking().Where(s => versionIds.Contains(s.DraftVersionId))
            .Select(s => new { s.DraftVersionId, s.Ref, s.Label, s.Title, s.Order, s.Depth }).ToListAsync(cancellationToken).ConfigureAwait(false);

        var result = new List<SectionCount>();
        foreach (int draftId in draftIds)
        {
            string title = drafts.TryGetValue(draftId, out var d) ? d.Title : draftId.ToString(CultureInfo.InvariantCulture);
            var seen = new HashSet<string>(StringComparer.Ordinal) { "" };
            result.Add(new SectionCount(draftId, title, "", GeneralSectionHeading, -1, byKey.GetValueOrDefault((draftId, ""))));
            foreach (var s in sections.Where(s => d is not null && s.DraftVersionId == d.CurrentVersionId).OrderBy(s => s.Order))
            {
                seen.Add(s.Ref);
                result.Add(new SectionCount(draftId, title, s.Ref, s.Label.Length == 0 ? s.Title : s.Label + " " + s.Title, s.Order, byKey.GetValueOrDefault((draftId, s.Ref)), s.Title, s.Depth));
            }
            int order = result.Count == 0 ? 0 : result.Max(r => r.Order) + 1;
            foreach (var orphan in byKey.Where(kv => kv.Key.DraftId == draftId && !seen.Contains(kv.Key.Item2)).OrderBy(kv => kv.Key.Item2, StringComparer.Ordinal))
                result.Add(new SectionCount(draftId, title, orphan.Key.Item2, "Mục " + orphan.Key.Item2 + " (phiên bản trước)", order++, orphan.Value));
        }
        return result;
    }

    /// <summary>The groups of the run carrying the most points of the scope's comments (a comment with several points counts in each of its groups, as on the synthesis page).</summary>
    private async Task<IReadOnlyList<OpinionGroupCount>> TopGroupsAsync(IQueryable<Comment> comments, long runId, Consultation consultation, IReadOnlyList<SectionCount> sections,
        CancellationToken cancellationToken)
    {
        var top = await (from m in db.SynthesisMembers.AsNoTracking()
                         where m.RunId == runId
                         join c in comments on m.CommentId equals c.Id
                         group m by m.GroupId into g
                         orderby g.Count() descending, g.Key
                         select new { GroupId = g.Key, Count = g.Count() }).Take(TopGroupCount).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = top.Select(t => t.GroupId).ToList();
        var groups = await db.SynthesisGroups.AsNoTracking().Where(g => ids.Contains(g.Id))
            .Select(g => new { g.Id, g.Summary, g.DraftId, g.SectionRef, g.Quantifier }).ToDictionaryAsync(g => g.Id, cancellationToken).ConfigureAwait(false);
        bool manyDrafts = consultation.Drafts.Count > 1;
        return [.. top.Where(t => groups.ContainsKey(t.GroupId)).Select(t =>
        {
            var g = groups[t.GroupId];
            var section = sections.FirstOrDefault(s => s.DraftId == g.DraftId && string.Equals(s.SectionRef, g.SectionRef, StringComparison.Ordinal));
            string heading = section?.Heading ?? g.SectionRef;
            if (manyDrafts && section is not null) heading = section.Draft + " — " + heading;
            return new OpinionGroupCount(g.Id, g.Summary, heading, g.Quantifier, t.Count);
        })];
    }

    /// <summary>Comments per child unit (its whole subtree), from one count per unit path rolled up to the children.</summary>
    private async Task<(IReadOnlyList<ChildUnitCount> Children, int AtUnit, int WithoutUnit, int Outside)> ByChildUnitAsync(IQueryable<Comment> comments, Unit unit,
        CancellationToken cancellationToken)
    {
        var perPath = await (from c in comments
                             join u in db.Units.AsNoTracking() on c.UnitId equals u.Id
                             group c by u.Path into g
                             select new { Path = g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false);
        int withoutUnit = await comments.CountAsync(c => c.UnitId == null, cancellationToken).ConfigureAwait(false);
        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id).Select(u => new { u.Id, u.Code, u.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byChild = new Dictionary<int, int>();
        int atUnit = 0, outside = 0;
        foreach (var row in perPath)
        {
            if (string.Equals(row.Path, unit.Path, StringComparison.Ordinal))
            {
                atUnit += row.Count;
                continue;
            }
            if (!row.Path.StartsWith(unit.Path, StringComparison.Ordinal))
            {
                outside += row.Count;
                continue;
            }
            // "/1/24/300/5000/" under "/1/24/": the child is the next id.
            var rest = row.Path.AsSpan(unit.Path.Length);
            int slash = rest.IndexOf('/');
            if (slash > 0 && int.TryParse(rest[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out int childId))
                byChild[childId] = byChild.GetValueOrDefault(childId) + row.Count;
            else
                outside += row.Count;
        }
        var list = children.Select(c => new ChildUnitCount(c.Id, c.Code, c.Name, byChild.GetValueOrDefault(c.Id)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        return (list, atUnit, withoutUnit, outside);
    }
}
