using System.CommandLine;
using DanY.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanY.Cli.Commands;

/// <summary>
/// The same configuration as the web app (appsettings.json of the current folder and of the web
/// project, DanY__ environment variables), plus the global --database-provider and --connection options.
/// </summary>
internal static class CliHost
{
    public static readonly Option<string?> ProviderOption = new("--database-provider")
    {
        Description = "Sqlite | PostgreSql (mặc định theo cấu hình / default from configuration)",
        Recursive = true,
    };

    public static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "Chuỗi kết nối / connection string (ConnectionStrings:DanY)",
        Recursive = true,
    };

    public static readonly Option<string?> DataPathOption = new("--data-path")
    {
        Description = "Thư mục dữ liệu / data folder (Storage:DataPath, default ./data)",
        Recursive = true,
    };

    public static IHost Build(ParseResult parseResult)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            DisableDefaults = false,
        });
        // The web project's appsettings.json gives the same defaults when run from the repository root.
        string webSettings = Path.Combine(Directory.GetCurrentDirectory(), "src", "DanY.Web", "appsettings.json");
        if (File.Exists(webSettings))
        {
            var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = webSettings, Optional = true };
            source.ResolveFileProvider();
            builder.Configuration.Sources.Insert(0, source);
        }
        builder.Configuration.AddEnvironmentVariables("DanY__");
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parseResult.GetValue(ProviderOption) is { Length: > 0 } provider) overrides["Database:Provider"] = provider;
        if (parseResult.GetValue(ConnectionOption) is { Length: > 0 } connection) overrides["ConnectionStrings:DanY"] = connection;
        if (parseResult.GetValue(DataPathOption) is { Length: > 0 } dataPath) overrides["Storage:DataPath"] = dataPath;
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Logs to stderr so that stdout carries only data.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddDanYInfrastructure(builder.Configuration);
        return builder.Build();
    }
}
