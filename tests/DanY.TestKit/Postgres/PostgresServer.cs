using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace DanY.TestKit.Postgres;

/// <summary>
/// The PostgreSQL server the integration tests use: the one scripts/test started (its connection
/// string in DANY_TEST_PG), or else a throwaway cluster started once for this test process and
/// stopped when it exits. Every caller gets a database of its own.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "DANY_TEST_PG";

    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public static string ConnectionStringFor(string databaseName)
    {
        string name = "t_" + new string(databaseName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray())
            + "_" + Guid.NewGuid().ToString("N")[..8];
        var admin = new NpgsqlConnectionStringBuilder(Server.Value) { Database = "postgres", Pooling = false };
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8'";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server.Value) { Database = name }.ConnectionString;
    }

    private static string Start()
    {
        string? given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given)) return given;

        string script = Path.Combine(RepositoryPaths.Root, "scripts", "pg-throwaway");
        var start = new ProcessStartInfo("bash", [script, "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run " + script);
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"PostgreSQL is required for the integration tests and could not be started (exit {process.ExitCode}): {error}"));
        }
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string dir = lines[0];
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var stop = Process.Start("bash", [script, "stop", dir]);
            stop?.WaitForExit(30_000);
        };
        return lines[1];
    }
}
