using System.Security.Claims;
using DanY.Documents.Reports;
using DanY.Domain;
using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Infrastructure.Dashboards;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Jobs;
using DanY.Infrastructure.Synthesis;
using DanY.Integration.Tests.Synthesis;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests.Dashboards;

/// <summary>The dashboard figures against direct counts of the demo consultation, on both providers.</summary>
[Collection(SynthesisDatabase.Collection)]
public sealed class DashboardQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Makes sure the consultation has a stored synthesis (the opinion-group part needs one).</summary>
    private static async Task EnsureSynthesisAsync(SynthesisDatabase t, int consultationId)
    {
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        if (await db.SynthesisRuns.AnyAsync(r => r.ConsultationId == consultationId, Ct)) return;
        var queue = scope.ServiceProvider.GetRequiredService<SynthesisJobQueue>();
        var job = await queue.EnqueueAsync(consultationId, "test", Ct);
        Assert.True(await queue.ClaimAsync(job.Id, Ct));
        var done = await queue.ExecuteAsync(job.Id, scope.ServiceProvider.GetRequiredService<SynthesisStore>(), null, Ct);
        Assert.Equal(JobStatus.Succeeded, done.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Consultation_dashboard_counts_equal_direct_counts(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        int id;
        await using (var s = t.Scope()) id = await SynthesisDatabase.OpenConsultationIdAsync(s.ServiceProvider.GetRequiredService<DanYDbContext>());
        await EnsureSynthesisAsync(t, id);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var d = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().BuildAsync(id, null, Ct);
        var received = db.Comments.AsNoTracking().Where(c => c.ConsultationId == id && c.Status == CommentStatus.Received);

        int total = await received.CountAsync(Ct);
        Assert.True(total >= 1000);
        Assert.True(d.WholeConsultation);
        Assert.Equal(total, d.Total);

        foreach (var channel in d.ByChannel) Assert.Equal(await received.CountAsync(c => c.Channel == channel.Key, Ct), channel.Count);
        Assert.Equal(total, d.ByChannel.Sum(c => c.Count));
        foreach (var stance in new[] { Stance.Agree, Stance.Partly, Stance.Disagree })
            Assert.Equal(await received.CountAsync(c => c.Stance == stance, Ct), d.ByStance.Single(x => x.Key == Stances.Code(stance)).Count);
        foreach (var g in d.BySocialGroup.Where(g => g.Key.Length > 0)) Assert.Equal(await received.CountAsync(c => c.SocialGroup == g.Key, Ct), g.Count);
        Assert.Equal(total, d.BySocialGroup.Sum(g => g.Count));

        // Sections in heading order, each with its direct count.
        Assert.Equal(total, d.BySection.Sum(s => s.Count));
        Assert.Equal(-1, d.BySection[0].Order);
        Assert.Equal(d.BySection.Select(s => s.Order).Order(), d.BySection.Select(s => s.Order));
        foreach (var s in d.BySection.Where(s => s.Count > 0 && s.SectionRef.Length > 0))
            Assert.Equal(await received.CountAsync(c => c.DraftId == s.DraftId && c.SectionRef == s.SectionRef, Ct), s.Count);
        Assert.Equal(await received.CountAsync(c => c.SectionRef == null, Ct), d.BySection[0].Count);

        // Local days (UTC+7): the direct count groups the instants here.
        var instants = await received.Select(c => c.SubmittedAt).ToListAsync(Ct);
        var direct = instants.GroupBy(i => VietnamTime.LocalDate(i.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(total, d.PerDay.Sum(x => x.Count));
        foreach (var (day, count) in direct) Assert.Equal(count, d.PerDay.Single(x => x.Day == day).Count);
        Assert.Equal(d.PerDay.Count, d.To.DayNumber - d.From.DayNumber + 1);

        // Child units: each count is the comments of the child's whole subtree.
        Assert.NotEmpty(d.ByChildUnit);
        foreach (var child in d.ByChildUnit.Where(c => c.Count > 0).Take(5))
        {
            string path = await db.Units.Where(u => u.Id == child.UnitId).Select(u => u.Path).SingleAsync(Ct);
            int expected = await received.CountAsync(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(path)), Ct);
            Assert.Equal(expected, child.Count);
        }
        Assert.Equal(total, d.ByChildUnit.Sum(c => c.Count) + d.AtUnitItself + d.WithoutUnit + d.OutsideChildren);

        // Opinion groups: on the whole consultation a group's count is the one stored with it.
        Assert.NotNull(d.RunId);
        Assert.NotEmpty(d.TopGroups);
        var stored = await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == d.RunId && g.MergedIntoId == null)
            .OrderByDescending(g => g.Comments).Select(g => g.Comments).Take(DashboardQueries.TopGroupCount).ToListAsync(Ct);
        Assert.Equal(stored, d.TopGroups.Select(g => g.Count));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Ward_dashboard_counts_only_the_comments_of_its_subtree(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        int id = await SynthesisDatabase.OpenConsultationIdAsync(db);
        var ward = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoAccounts.WardA, Ct);
        var d = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().BuildAsync(id, ward.Id, Ct);
        var received = db.Comments.AsNoTracking().Where(c => c.ConsultationId == id && c.Status == CommentStatus.Received
            && db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(ward.Path)));
        int expected = await received.CountAsync(Ct);
        Assert.True(expected > 0, "the demo data gives the ward comments");
        Assert.False(d.WholeConsultation);
        Assert.Equal(expected, d.Total);
        Assert.True(d.Total < await db.Comments.CountAsync(c => c.ConsultationId == id, Ct));
        Assert.Equal(expected, d.PerDay.Sum(x => x.Count));
        Assert.Equal(expected, d.ByChannel.Sum(x => x.Count));
        Assert.Equal(expected, d.BySection.Sum(x => x.Count));
        foreach (var channel in d.ByChannel) Assert.Equal(await received.CountAsync(c => c.Channel == channel.Key, Ct), channel.Count);
        Assert.Equal(expected, d.AtUnitItself + d.ByChildUnit.Sum(c => c.Count));
        Assert.Equal(0, d.WithoutUnit);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Dashboards_follow_the_permission_service(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var access = scope.ServiceProvider.GetRequiredService<DashboardAccess>();
        int id = await SynthesisDatabase.OpenConsultationIdAsync(db);
        async Task<ClaimsPrincipal> As(string email) => new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct))], "test"));
        async Task<int> Unit(string code) => await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
        var board = await As(DemoAccounts.ProvinceBoardEditor);
        var wardA = await As(DemoAccounts.WardAOfficer);

        Assert.True(await access.CanViewAsync(board, id, await Unit(DemoAccounts.Province), Ct));
        Assert.True(await access.CanViewAsync(board, id, await Unit(DemoAccounts.WardB), Ct));
        Assert.Equal(await Unit(DemoAccounts.Province), await access.DefaultUnitAsync(board, id, Ct));

        Assert.True(await access.CanViewAsync(wardA, id, await Unit(DemoAccounts.WardA), Ct));
        Assert.False(await access.CanViewAsync(wardA, id, await Unit(DemoAccounts.Province), Ct));
        Assert.False(await access.CanViewAsync(wardA, id, await Unit(DemoAccounts.WardB), Ct));
        Assert.Equal(await Unit(DemoAccounts.WardA), await access.DefaultUnitAsync(wardA, id, Ct));
        Assert.Contains(await access.VisibleConsultationsAsync(wardA, Ct), r => r.Consultation.Id == id);

        Assert.False(await access.CanViewAsync(new ClaimsPrincipal(new ClaimsIdentity()), id, await Unit(DemoAccounts.WardA), Ct));
        Assert.Empty(await access.VisibleConsultationsAsync(new ClaimsPrincipal(new ClaimsIdentity()), Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Report_embeds_the_dashboard_charts_with_the_database_numbers(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        int id;
        await using (var s = t.Scope()) id = await SynthesisDatabase.OpenConsultationIdAsync(s.ServiceProvider.GetRequiredService<DanYDbContext>());
        await EnsureSynthesisAsync(t, id);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var report = await scope.ServiceProvider.GetRequiredService<SynthesisReportBuilder>().BuildAsync(id, "24.TU.BTGDV", Ct);
        var images = report.Document.Body.OfType<ReportImage>().ToList();
        Assert.Contains(images, i => i.Caption!.Contains("theo kênh", StringComparison.Ordinal));
        Assert.Contains(images, i => i.Caption!.Contains("theo ngày", StringComparison.Ordinal));
        Assert.Contains(images, i => i.Caption!.Contains("phần của dự thảo", StringComparison.Ordinal));
        Assert.All(images, i => Assert.True(i.Png.Length > 1000 && i.Png[1] == (byte)'P'));

        // The sentence beside the per-day chart states the busiest day and its count, as the database has them.
        var instants = await db.Comments.AsNoTracking().Where(c => c.ConsultationId == id && c.Status == CommentStatus.Received).Select(c => c.SubmittedAt).ToListAsync(Ct);
        var busiest = instants.GroupBy(i => VietnamTime.LocalDate(i.UtcDateTime)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        string sentence = string.Concat(report.Document.Body.OfType<ReportParagraph>().SelectMany(p => p.Runs).Select(r => r.Text + "\n"));
        Assert.Contains($"ngày nhận nhiều ý kiến nhất là {busiest.Key.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} với {ReportText.Number(busiest.Count())} ý kiến", sentence, StringComparison.Ordinal);
        Assert.Equal(instants.Count, report.Figures.Comments);
    }
}
