using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TicketSense.Core.Alerts;

namespace TicketSense.Core.Data;

/// <summary>
/// Registers Postgres (<c>ConnectionStrings:tickets</c>) and Redis (<c>ConnectionStrings:cache</c>) through the Aspire
/// client integrations, which add their health checks, Npgsql and Redis client spans and metrics, and the stores over them.
/// </summary>
public static class StorageRegistration
{
    public const string TicketsConnectionName = "tickets";
    public const string CacheConnectionName = "cache";

    public static TBuilder AddTicketSenseStorage<TBuilder>(this TBuilder builder, bool migrateAtStart = true)
        where TBuilder : IHostApplicationBuilder
    {
        // No retries: with Postgres down a request must get its 503 at once, not after seconds of retrying, and a
        // statement retried on a new connection would run outside the session holding the migration's advisory lock.
        builder.AddNpgsqlDbContext<TicketsDbContext>(TicketsConnectionName, settings => settings.DisableRetry = true);
        // Starts and serves while Redis is down (the multiplexer reconnects by itself); short timeouts so a dead Redis
        // degrades a request by a moment instead of stalling it.
        builder.AddRedisClient(CacheConnectionName, configureOptions: options =>
        {
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 2000;
            options.AsyncTimeout = 2000;
        });

        var services = builder.Services;
        // LISTEN needs a long-lived connection outside EF (which leases pooled contexts): a data source of its own
        // over the same connection string, created only when something asks for it.
        services.AddSingleton(_ => NpgsqlDataSource.Create(Required(builder.Configuration, TicketsConnectionName)));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RedisJsonStore>();
        services.AddSingleton<RedisSubscription>();
        services.AddSingleton<TriageCache>();
        services.AddSingleton<OverviewStore>();
        services.AddSingleton<TriageEvents>();
        services.AddSingleton<OverviewEvents>();
        services.AddMemoryCache();
        services.AddSingleton<TicketCounts>();

        services.AddScoped<TicketRepository>();
        services.AddScoped<TriageRepository>();
        services.AddScoped<TriageClaimRepository>();
        services.AddScoped<SeedImporter>();
        // Every triage write may owe webhook deliveries: whoever writes triages needs the endpoints (only the Worker sends).
        services.AddValidatedOptions<AlertOptions, AlertOptionsValidator>(builder.Configuration, AlertOptions.Section);
        services.AddScoped<AlertOutbox>();
        services.AddValidatedOptions<SpikeOptions, SpikeOptionsValidator>(builder.Configuration, SpikeOptions.Section);
        services.AddScoped<SpikeDetector>();
        services.AddScoped<TriageAlerts>();

        services.AddSingleton<DatabaseState>();
        if (migrateAtStart)
        {
            services.AddHostedService<DatabaseMigrationService>();
        }

        return builder;
    }

    private static string Required(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"ConnectionStrings:{name} is not set. The AppHost sets it (ConnectionStrings__{name}); " +
                "when running a service alone, set that environment variable or user secret.");
}
