using System.Security.Claims;
using System.Text;
using DanY.Domain.Monitoring;
using DanY.Engine.Text;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Monitoring;

/// <summary>One child's counts in a compiled report.</summary>
public sealed record ChildCounts(int UnitId, string UnitName, ReportStatus Status, SituationCounts Counts);

/// <summary>Counts of one period, summed over the children's reports, for the trend chart.</summary>
public sealed record PeriodTotals(int PeriodId, string Label, DateOnly Due, int Reports, SituationCounts Totals);

/// <summary>
/// Assembles the reviewing unit's draft for a period from its children's submitted and accepted reports:
/// counts summed (with the per-unit breakdown kept beside them), and each part's sentences gathered by
/// similarity with the units that wrote them named, so every line of the draft traces back to its sources.
/// </summary>
public sealed class ReportCompiler(SituationMonitoring monitoring)
{
    private DanYDbContext Db => monitoring.Db;

    public async Task<SituationReport> CompileAsync(ClaimsPrincipal user, int periodId, CancellationToken ct = default)
    {
        var period = await Db.ReportingPeriods.Include(p => p.Obligation).SingleOrDefaultAsync(p => p.Id == periodId, ct).ConfigureAwait(false)
            ?? throw new MonitoringNotFoundException();
        var obligation = period.Obligation!;
        if (!await monitoring.CanReviewAsync(user, obligation, ct).ConfigureAwait(false)) throw new MonitoringForbiddenException();
        int compilerUnitId = obligation.ViaUnitId ?? obligation.RecipientUnitId;
        var children = await ChildReportsAsync(periodId, ct).ConfigureAwait(false);
        if (children.Count == 0) throw new MonitoringValidationException("Chưa có báo cáo nào của đơn vị cấp dưới để tổng hợp / No child report to compile yet.");

        var report = await Db.SituationReports.Include(r => r.Period).ThenInclude(p => p!.Obligation)
            .SingleOrDefaultAsync(r => r.PeriodId == periodId && r.UnitId == compilerUnitId && r.IsCompiled, ct).ConfigureAwait(false);
        if (report is null)
        {
            report = new SituationReport(compilerUnitId, period, compiled: true);
            Db.SituationReports.Add(report);
        }
        else if (!report.IsEditable)
        {
            throw new MonitoringValidationException("Báo cáo tổng hợp đã gửi, không thể tổng hợp lại / The compiled report was already submitted.");
        }
        var names = children.ToDictionary(c => c.Id, c => c.Unit!.Name);
        string Part(Func<SituationContent, string> select) => Gather(children.Select(c => (names[c.Id], select(c.Content))));
        var content = new SituationContent
        {
            GeneralSituation = Part(c => c.GeneralSituation),
            MoodsOverall = Part(c => c.MoodsOverall),
            GroupMoods = Enum.GetValues<SocialGroup>()
                .Select(g => (g, Text: Part(c => c.GroupMoods.GetValueOrDefault(g) ?? "")))
                .Where(x => x.Text.Length > 0).ToDictionary(x => x.g, x => x.Text),
            PublicOpinion = Part(c => c.PublicOpinion),
            ComplicatedCases = Part(c => c.ComplicatedCases),
            HandlingResults = Part(c => c.HandlingResults),
            ForecastAndRecommendations = Part(c => c.ForecastAndRecommendations),
        };
        var totals = children.Aggregate(SituationCounts.Zero, (sum, c) => sum + c.Counts);
        report.Edit(Fit(content), totals, DateTime.UtcNow);
        await Db.SaveChangesAsync(ct).ConfigureAwait(false);
        return report;
    }

    /// <summary>The children's submitted and accepted reports of the period, with their units.</summary>
    public async Task<List<SituationReport>> ChildReportsAsync(int periodId, CancellationToken ct = default) =>
        await Db.SituationReports.AsNoTracking().Include(r => r.Unit)
            .Where(r => r.PeriodId == periodId && !r.IsCompiled && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted))
            .OrderBy(r => r.Unit!.Name).ToListAsync(ct).ConfigureAwait(false);

    public async Task<List<ChildCounts>> BreakdownAsync(int periodId, CancellationToken ct = default) =>
        (await ChildReportsAsync(periodId, ct).ConfigureAwait(false))
            .Select(r => new ChildCounts(r.UnitId, r.Unit!.Name, r.Status, r.Counts)).ToList();

    /// <summary>Summed counts of the obligation's last periods (oldest first), for the trend chart.</summary>
    public async Task<List<PeriodTotals>> TrendAsync(int obligationId, DateOnly until, int periods, CancellationToken ct = default)
    {
        var rows = await Db.SituationReports.AsNoTracking()
            .Where(r => r.Period!.ObligationId == obligationId && r.Period.Due <= until && !r.IsCompiled
                && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted))
            .GroupBy(r => new { r.PeriodId, r.Period!.Label, r.Period.Due })
            .Select(g => new
            {
                g.Key.PeriodId, g.Key.Label, g.Key.Due, Count = g.Count(),
                Complaints = g.Sum(r => r.Complaints), MassPetitions = g.Sum(r => r.MassPetitions), Hotspots = g.Sum(r => r.Hotspots),
                HostileContent = g.Sum(r => r.HostileContent), Resolved = g.Sum(r => r.Resolved),
            })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.OrderByDescending(r => r.Due).Take(periods).OrderBy(r => r.Due)
            .Select(r => new PeriodTotals(r.PeriodId, r.Label, r.Due, r.Count, new SituationCounts(r.Complaints, r.MassPetitions, r.Hotspots, r.HostileContent, r.Resolved)))
            .ToList();
    }

    /// <summary>
    /// Sentences of every source, gathered by the text engine when they say the same thing, most widely
    /// raised first, each followed by the units that wrote it.
    /// </summary>
    public static string Gather(IEnumerable<(string Unit, string Text)> sources)
    {
        var sb = new StringBuilder();
        foreach (var g in SentenceGatherer.Gather(sources).OrderByDescending(g => g.Sources.Count))
        {
            if (sb.Length > 0) sb.Append('\n');
            string text = g.Sentence.TrimEnd('.');
            sb.Append("- ").Append(char.ToUpper(text[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))).Append(text.AsSpan(1)).Append(" (")
                .Append(g.Sources.Count == 1 ? "" : g.Sources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " đơn vị: ")
                .Append(string.Join(", ", g.Sources)).Append(").");
        }
        return sb.ToString();
    }

    /// <summary>Keeps each part within the stored length; the cut is marked so staff see it.</summary>
    private static SituationContent Fit(SituationContent c)
    {
        static string Cut(string s) => s.Length <= SituationContent.PartMaxLength ? s : s[..(SituationContent.PartMaxLength - 20)] + "\n- (còn nữa…)";
        return c with
        {
            GeneralSituation = Cut(c.GeneralSituation),
            MoodsOverall = Cut(c.MoodsOverall),
            GroupMoods = c.GroupMoods.ToDictionary(kv => kv.Key, kv => Cut(kv.Value)),
            PublicOpinion = Cut(c.PublicOpinion),
            ComplicatedCases = Cut(c.ComplicatedCases),
            HandlingResults = Cut(c.HandlingResults),
            ForecastAndRecommendations = Cut(c.ForecastAndRecommendations),
        };
    }
}
