using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using TicketSense.Testing.Servers;
using TicketSense.Core.Data;
using Xunit;

namespace TicketSense.Testing;

/// <summary>
/// Real storage of one test class's own: a database cloned from the migrated template and a Redis server, so
/// classes running in parallel never see each other's tickets, keys or events. Both are removed afterwards.
/// </summary>
public sealed class StorageFixture : IAsyncLifetime, IAsyncDisposable
{
    private RedisServer? _redis;
    private IHost? _host;

    public string DatabaseName { get; } = $"t_{Guid.NewGuid():N}";

    public string TicketsConnectionString { get; private set; } = "";

    public string CacheConnectionString => Redis.ConnectionString;

    public RedisServer Redis => _redis ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Services over this class's storage, as the Api and Worker register them (without start-up migration).</summary>
    public IServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        TicketsConnectionString = await TestServers.CreateDatabaseAsync(DatabaseName);
        _redis = await TestServers.StartRedisAsync();
        _host = BuildHost(TicketsConnectionString, CacheConnectionString);
        Services = _host.Services;
    }

    /// <summary>A host over the given stores; <paramref name="configure"/> adds the services a test needs beyond storage.</summary>
    public static IHost BuildHost(string ticketsConnectionString, string cacheConnectionString, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StorageRegistration.TicketsConnectionName}"] = ticketsConnectionString,
            [$"ConnectionStrings:{StorageRegistration.CacheConnectionName}"] = cacheConnectionString,
        });
        builder.AddTicketSenseStorage(migrateAtStart: false);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A scope, for the scoped repositories and DbContext.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public IDatabase RedisDatabase => Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_redis is not null) await _redis.DisposeAsync();
        var postgres = await TestServers.PostgresAsync();
        await postgres.DropDatabaseAsync(DatabaseName);
    }
}
