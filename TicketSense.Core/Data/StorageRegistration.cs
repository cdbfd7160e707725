using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StackExchange.Redis;

namespace TicketSense.Core.Data;

/// <summary>Registers Postgres (<c>ConnectionStrings:tickets</c>) and Redis (<c>ConnectionStrings:cache</c>) and the stores over them.</summary>
public static class StorageRegistration
{
    public const string TicketsConnectionName = "tickets";
    public const string CacheConnectionName = "cache";

    public static TBuilder AddTicketSenseStorage<TBuilder>(this TBuilder builder, bool migrateAtStart = true)
        where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(Required(configuration, TicketsConnectionName)).Build());
        services.AddDbContext<TicketsDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));

        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectRedis(Required(configuration, CacheConnectionName)));
        services.AddSingleton<RedisJsonStore>();
        services.AddSingleton<TriageCache>();
        services.AddSingleton<OverviewStore>();
        services.AddSingleton<TriageEvents>();

        services.AddScoped<TicketRepository>();
        services.AddScoped<TriageRepository>();
        services.AddScoped<TriageClaimRepository>();
        services.AddScoped<SeedImporter>();

        services.AddSingleton<DatabaseState>();
        if (migrateAtStart)
        {
            services.AddHostedService<DatabaseMigrationService>();
        }

        return builder;
    }

    /// <summary>
    /// Connects without failing when Redis is down (the multiplexer reconnects by itself), with short timeouts so a
    /// dead Redis degrades a request by a moment instead of stalling it.
    /// </summary>
    public static ConnectionMultiplexer ConnectRedis(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        return ConnectionMultiplexer.Connect(options);
    }

    private static string Required(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"ConnectionStrings:{name} is not set. The AppHost sets it (ConnectionStrings__{name}); " +
                "when running a service alone, set that environment variable or user secret.");
}
