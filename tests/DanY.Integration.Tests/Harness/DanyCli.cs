using System.Diagnostics;
using System.Text;
using DanY.Infrastructure.Data;

namespace DanY.Integration.Tests.Harness;

/// <summary>Runs the real `dany` executable (copied next to the tests) and returns its exit code and both streams.</summary>
internal static class DanyCli
{
    /// <summary>On a test database, chosen by the same options the web app reads.</summary>
    public static Task<(int Code, string Out, string Err)> RunAsync(DatabaseSettings db, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(db);
        return RunAsync([.. args, "--database-provider", db.Provider.ToString(), "--connection", db.ConnectionString, "--data-path", db.DataPath], db.DataPath);
    }

    /// <summary>With exactly <paramref name="args"/> (no database options).</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(IReadOnlyList<string> args, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var ct = TestContext.Current.CancellationToken;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dany.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout, await stderr);
    }
}
