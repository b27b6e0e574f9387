using System.Diagnostics;
using DanY.Domain.Consultations;
using DanY.Infrastructure;
using DanY.Infrastructure.Dashboards;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Seed;
using DanY.TestKit.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests.Dashboards;

/// <summary>A dashboard over 100,000+ comments: every figure still equals a direct count, and it comes back in a few seconds.</summary>
public sealed class DashboardScaleTests
{
    private const int Copies = 34; // × 3,000 demo comments = 102,000

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Dashboard_of_100000_comments_is_counted_in_the_database(DatabaseProvider provider)
    {
        var settings = TestDatabases.Fresh(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = settings.Provider.ToString(),
            ["ConnectionStrings:DanY"] = settings.ConnectionString,
            ["Storage:DataPath"] = settings.DataPath,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddDanYInfrastructure(configuration).BuildServiceProvider();
        await using (var seedScope = services.CreateAsyncScope())
        {
            var seedDb = seedScope.ServiceProvider.GetRequiredService<DanYDbContext>();
            await seedDb.Database.MigrateAsync(Ct);
            await seedScope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(new SeedOptions(true, "Demo-Password-1", ["24"]), Ct);
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        int id = await db.Consultations.Where(c => c.Title == ConsultationDemoSeeder.OpenTitle).Select(c => c.Id).SingleAsync(Ct);
        // Multiply the demo comments in SQL (same units, sections, channels and days), with fresh receipts and keys.
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < {Copies})
            INSERT INTO comments ("Receipt", "IdempotencyKey", "ConsultationId", "DraftId", "DraftVersionId", "SectionRef", "Stance", "Text", "Channel",
                "UnitId", "SocialGroup", "ConferenceId", "ContentHash", "SubmittedAt", "Status")
            SELECT 'Z' || n.k || '-' || c."Id", 'scale-' || n.k || '-' || c."Id", c."ConsultationId", c."DraftId", c."DraftVersionId", c."SectionRef", c."Stance",
                c."Text", c."Channel", c."UnitId", c."SocialGroup", c."ConferenceId", c."ContentHash", c."SubmittedAt", c."Status"
            FROM comments c CROSS JOIN n WHERE c."ConsultationId" = {id}
            """, Ct);
        // Planner statistics, as autovacuum (PostgreSQL) or the optimiser (SQLite) would have them after a bulk load.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", Ct);
        var received = db.Comments.AsNoTracking().Where(c => c.ConsultationId == id && c.Status == CommentStatus.Received);
        int total = await received.CountAsync(Ct);
        Assert.True(total >= 100_000, $"{total} comments");

        var queries = scope.ServiceProvider.GetRequiredService<DashboardQueries>();
        await queries.BuildAsync(id, null, Ct); // warm-up: query compilation, caches
        var watch = Stopwatch.StartNew();
        var d = await queries.BuildAsync(id, null, Ct);
        watch.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: dashboard of {total:N0} comments in {watch.ElapsedMilliseconds} ms (shared 2-core machine)");

        Assert.Equal(total, d.Total);
        Assert.Equal(total, d.PerDay.Sum(x => x.Count));
        Assert.Equal(total, d.BySection.Sum(x => x.Count));
        Assert.Equal(total, d.BySocialGroup.Sum(x => x.Count));
        Assert.Equal(total, d.ByStance.Sum(x => x.Count));
        Assert.Equal(total, d.ByChildUnit.Sum(x => x.Count) + d.AtUnitItself + d.WithoutUnit + d.OutsideChildren);
        foreach (var channel in d.ByChannel) Assert.Equal(await received.CountAsync(c => c.Channel == channel.Key, Ct), channel.Count);
        var top = d.ByChildUnit[0];
        string path = await db.Units.Where(u => u.Id == top.UnitId).Select(u => u.Path).SingleAsync(Ct);
        Assert.Equal(await received.CountAsync(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(path)), Ct), top.Count);
        // Generous bound for a shared machine; the point is that nothing grows with the comments but the database's work.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{watch.ElapsedMilliseconds} ms");
    }
}
