using DanY.Infrastructure;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Seed;
using DanY.TestKit.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests.Synthesis;

/// <summary>
/// One migrated database per provider holding the demo data of province 24 (the open consultation with
/// its generated comments), shared by the synthesis tests of a class: seeding takes seconds, not the tests.
/// </summary>
internal sealed class SynthesisDatabase
{
    /// <summary>The tests sharing the database run one after another: jobs are one at a time per consultation.</summary>
    public const string Collection = "synthesis-database";

    private static readonly Dictionary<DatabaseProvider, Task<SynthesisDatabase>> Cache = [];
    private static readonly Lock Gate = new();

    private SynthesisDatabase(ServiceProvider services, DatabaseSettings settings)
    {
        Services = services;
        Settings = settings;
    }

    public ServiceProvider Services { get; }
    public DatabaseSettings Settings { get; }

    public static Task<SynthesisDatabase> GetAsync(DatabaseProvider provider)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(provider, out var task)) Cache[provider] = task = CreateAsync(provider);
            return task;
        }
    }

    /// <summary>A database of its own, for tests that add comments (the shared one must keep the demo's counts).</summary>
    public static Task<SynthesisDatabase> FreshAsync(DatabaseProvider provider) => CreateAsync(provider);

    private static async Task<SynthesisDatabase> CreateAsync(DatabaseProvider provider)
    {
        var settings = TestDatabases.Fresh(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = settings.Provider.ToString(),
            ["ConnectionStrings:DanY"] = settings.ConnectionString,
            ["Storage:DataPath"] = settings.DataPath,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddDanYInfrastructure(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(new SeedOptions(true, "Demo-Password-1", ["24"]));
        return new SynthesisDatabase(services, settings);
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public static async Task<int> OpenConsultationIdAsync(DanYDbContext db) =>
        await db.Consultations.Where(c => c.Title == ConsultationDemoSeeder.OpenTitle).Select(c => c.Id).SingleAsync();
}
