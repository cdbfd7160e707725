using Microsoft.Extensions.Configuration;
using TicketSense.AppHost.Dashboard;
using TicketSense.AppHost.Processes;

namespace TicketSense.AppHost.Hosting;

/// <summary>The AppHost's own settings (shared/DESIGN.md section 9), from the command line and environment.</summary>
public sealed record AppHostSettings
{
    public int ApiPort { get; init; } = 8000;

    public int WebPort { get; init; } = 8501;

    /// <summary>The developer dashboard's web UI (18888, as Aspire's dashboard).</summary>
    public int DashboardPort { get; init; } = 18888;

    /// <summary>The dashboard's OTLP/HTTP receiver, which every service exports to (18890, Aspire's OTLP HTTP port).</summary>
    public int OtlpPort { get; init; } = 18890;

    /// <summary>How much telemetry the dashboard keeps in memory (<c>AppHost:Dashboard:*</c>).</summary>
    public DashboardSettings Dashboard { get; init; } = new();

    /// <summary>Postgres data and per-resource logs; default <c>.apphost/</c> beside the AppHost project (git-ignored).</summary>
    public string DataDirectory { get; init; } = Path.Combine(RepositoryRoot.Find(), "TicketSense.AppHost", ".apphost");

    /// <summary>The seed tickets the worker loads at start (<c>Seed__Path</c>); default the repository's <c>data/</c>.</summary>
    public string SeedPath { get; init; } = Path.Combine(RepositoryRoot.Find(), "data");

    /// <summary>Print every resource's log lines to the terminal (the end-to-end tests turn this off).</summary>
    public bool EchoLogs { get; init; } = true;

    /// <summary>Everything configured: existing connection strings and <c>Triage:*</c> settings are passed on from here.</summary>
    public IConfiguration Configuration { get; init; } = new ConfigurationBuilder().Build();

    public static AppHostSettings Load(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var defaults = new AppHostSettings();
        return new AppHostSettings
        {
            ApiPort = configuration.GetValue("AppHost:ApiPort", defaults.ApiPort),
            WebPort = configuration.GetValue("AppHost:WebPort", defaults.WebPort),
            DashboardPort = configuration.GetValue("AppHost:DashboardPort", defaults.DashboardPort),
            OtlpPort = configuration.GetValue("AppHost:OtlpPort", defaults.OtlpPort),
            Dashboard = new DashboardSettings
            {
                MaxSpans = Positive(configuration, "AppHost:Dashboard:MaxSpans", defaults.Dashboard.MaxSpans),
                MaxLogs = Positive(configuration, "AppHost:Dashboard:MaxLogs", defaults.Dashboard.MaxLogs),
                MaxConsoleLines = Positive(configuration, "AppHost:Dashboard:MaxConsoleLines", defaults.Dashboard.MaxConsoleLines),
            },
            DataDirectory = configuration["AppHost:DataDir"] is { Length: > 0 } dir ? Path.GetFullPath(dir) : defaults.DataDirectory,
            SeedPath = configuration["Seed:Path"] is { Length: > 0 } seed ? Path.GetFullPath(seed) : defaults.SeedPath,
            Configuration = configuration,
        };
    }

    private static int Positive(IConfiguration configuration, string key, int defaultValue)
    {
        var value = configuration.GetValue(key, defaultValue);
        return value > 0 ? value : throw new InvalidOperationException($"{key} must be at least 1 (it is {value}).");
    }
}
