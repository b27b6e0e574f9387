using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DanY.TestKit.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for the test process. Uses DANY_TEST_PG_HOST/DANY_TEST_PG_PORT
/// (and DANY_TEST_PG_USER, default postgres) when scripts/test exported them; otherwise starts its own
/// cluster with /usr/lib/postgresql/15/bin on a free localhost port and stops it at process exit.
/// Minimal local version; the lead's TestKit/Postgres replaces it.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<(string Host, int Port, string User)> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to a new, empty database.</summary>
    public static string ConnectionStringFor(string databaseName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        if (!databaseName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw new ArgumentException("Use lower-case ASCII letters, digits and '_'.", nameof(databaseName));
        var (host, port, user) = Server.Value;
        var admin = new NpgsqlConnectionStringBuilder { Host = host, Port = port, Username = user, Database = "postgres", Pooling = false };
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{databaseName}\" TEMPLATE template0 ENCODING 'UTF8'";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder { Host = host, Port = port, Username = user, Database = databaseName, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    private static (string, int, string) Start()
    {
        string? envHost = Environment.GetEnvironmentVariable("DANY_TEST_PG_HOST");
        string? envPort = Environment.GetEnvironmentVariable("DANY_TEST_PG_PORT");
        string envUser = Environment.GetEnvironmentVariable("DANY_TEST_PG_USER") is { Length: > 0 } u ? u : "postgres";
        if (!string.IsNullOrEmpty(envHost) && int.TryParse(envPort, System.Globalization.CultureInfo.InvariantCulture, out int p))
            return (envHost, p, envUser);

        const string bin = "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(bin, "initdb")))
            throw new InvalidOperationException("PostgreSQL 15 is not installed (apt-get install -y postgresql), and DANY_TEST_PG_HOST/PORT are not set.");
        string folder = Path.Combine(Path.GetTempPath(), "dany-pg-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        bool root = Environment.UserName == "root";
        if (root) Run("chown", "-R", "postgres:postgres", folder);
        int port = FreePort();
        string data = Path.Combine(folder, "data");
        Run(root, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        Run(root, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "start",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(root, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop");
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // The folder is in /tmp; a failed clean-up must not fail the run.
            }
        };
        return ("127.0.0.1", port, "postgres");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(bool asPostgres, string file, params string[] args)
    {
        if (asPostgres) Run("runuser", ["-u", "postgres", "--", file, .. args]);
        else Run(file, args);
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
    }
}
