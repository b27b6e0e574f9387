using DanY.Infrastructure.Data;
using DanY.Integration.Tests.Harness;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;

namespace DanY.Integration.Tests;

/// <summary>The CLI works on the same database as the web app, chosen by the same options.</summary>
public sealed class CliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Units_list_prints_code_tab_name_tab_parent_root_first_depth_first(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        _ = app.Services; // starts the app: migrates and seeds
        var (code, output, error) = await DanyCli.RunAsync(app.Database, "units", "list");
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("VN\tTrung ương\t", lines[0]);
        Assert.All(lines, l => Assert.Equal(3, l.Split('\t').Length));
        int ward = Array.IndexOf(lines, $"{DemoAccounts.WardA}\tPhường Kinh Bắc\t24");
        Assert.True(ward > 0);
        // Depth-first, siblings by code: the ward's own subtree follows it immediately.
        Assert.Equal(
            [$"{DemoAccounts.WardA}.DTN", $"{DemoAccounts.WardA}.DU", $"{DemoAccounts.WardA}.DU.CB01", $"{DemoAccounts.WardA}.DU.CB02", $"{DemoAccounts.WardA}.DU.CB03", $"{DemoAccounts.WardA}.HPN", $"{DemoAccounts.WardA}.MTTQ"],
            lines.Skip(ward + 1).Take(7).Select(l => l.Split('\t')[0]).ToArray());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parts in lines.Select(l => l.Split('\t')))
        {
            Assert.True(parts[2].Length == 0 || seen.Contains(parts[2]), $"{parts[0]} before its parent {parts[2]}");
            seen.Add(parts[0]);
        }
        using var scope = app.Scope();
        Assert.Equal(scope.Db().Units.Count(), lines.Length);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_refuses_a_file_with_errors_then_imports_a_good_one_and_create_admin_prints_a_password(DatabaseProvider provider)
    {
        await using var app = new DanYApp(provider);
        _ = app.Services;
        string bad = Path.Combine(app.Database.DataPath, "bad.csv");
        await File.WriteAllTextAsync(bad, "code,name,kind,level,system,parent_code\nX.1,Chi bộ X,PartyCell,Grassroots,Party,NOPE\n", Ct);
        var refused = await DanyCli.RunAsync(app.Database, "units", "import", bad);
        Assert.Equal(1, refused.Code);
        Assert.Contains("Dòng 2", refused.Err, StringComparison.Ordinal);

        string good = Path.Combine(app.Database.DataPath, "good.csv");
        await File.WriteAllTextAsync(good, $"code,name,kind,level,system,parent_code\n{DemoAccounts.WardB}.DU.CB07,Chi bộ khu phố 7,PartyCell,Grassroots,Party,{DemoAccounts.WardB}.DU\n", Ct);
        var imported = await DanyCli.RunAsync(app.Database, "units", "import", good);
        Assert.True(imported.Code == 0, imported.Err);
        var list = await DanyCli.RunAsync(app.Database, "units", "list");
        Assert.Contains($"{DemoAccounts.WardB}.DU.CB07\tChi bộ khu phố 7\t{DemoAccounts.WardB}.DU\n", list.Out, StringComparison.Ordinal);

        var admin = await DanyCli.RunAsync(app.Database, "users", "create-admin", "--email", "chanh.van.phong@dany.local");
        Assert.True(admin.Code == 0, admin.Err);
        string password = admin.Out.Trim().Split(' ')[^1];
        Assert.True(password.Length >= 12, admin.Out);
        var client = await app.LoginAsync("chanh.van.phong@dany.local", password);
        Assert.Contains("Trung ương", await client.GetStringAsync("/units", Ct), StringComparison.Ordinal);
    }
}
