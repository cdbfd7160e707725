using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TicketSense.AppHost.LocalStores;

/// <summary>
/// <c>AddLocalPostgres</c> and its <c>AddDatabase</c>: the local-process counterparts of Aspire's
/// <c>AddPostgres(...).AddDatabase(...)</c>, with the same connection strings, health checks and wait semantics.
/// </summary>
public static class LocalPostgresBuilderExtensions
{
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string dataDirectory)
    {
        // Found again at start, where a missing server fails the resource with what to install instead of the whole AppHost.
        var binDirectory = TryFindBinDirectory() ?? "/usr/lib/postgresql/missing/bin";
        var server = new LocalPostgresServerResource(name, PostgresBinaries.ServerProgram(binDirectory), dataDirectory);

        string? connectionString = null;
        var healthCheckKey = $"{name}_check";
        // The server's own check runs against the always-present `postgres` database, as Aspire's does.
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException("The connection string is not available yet."),
            name: healthCheckKey,
            configure: connection => connection.ConnectionString += ";Database=postgres");

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                var port = server.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                foreach (var argument in PostgresBinaries.ServerArguments(binDirectory, server.DataDirectory, port)) context.Args.Add(argument);
            })
            .WithIconName("DatabaseMultiple")
            .OnBeforeResourceStarted(async (resource, @event, cancellationToken) =>
            {
                var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                try
                {
                    binDirectory = PostgresBinaries.FindBinDirectory();
                    logger.LogInformation("Postgres from {BinDirectory}, data in {DataDirectory}", binDirectory, resource.DataDirectory);
                    await PostgresBinaries.InitializeAsync(binDirectory, resource.DataDirectory, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Its databases have no process of their own: fail them too, so nothing waits on them for ever.
                    await PublishToDatabasesAsync(resource, @event.Services, s => s with { State = KnownResourceStates.FailedToStart });
                    throw new DistributedApplicationException($"{resource.Name} cannot start: {ex.Message}", ex);
                }
            })
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            .OnResourceReady(async (resource, @event, cancellationToken) =>
            {
                await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres;Pooling=false");
                await connection.OpenAsync(cancellationToken);
                foreach (var database in resource.Databases.Values) await CreateDatabaseAsync(connection, database, cancellationToken);
                await PublishToDatabasesAsync(resource, @event.Services, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
            })
            .OnResourceStopped(async (resource, @event, _) =>
                await PublishToDatabasesAsync(resource, @event.Services, s => s with { State = KnownResourceStates.Exited, StopTimeStamp = DateTime.UtcNow }))
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>A database created on the server once it is healthy; it runs, stops and fails with its server.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> builder, [ResourceName] string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases[name] = database.DatabaseName;

        string? connectionString = null;
        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException("The connection string is not available yet."),
            name: healthCheckKey);

        return builder.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", Properties = [], State = KnownResourceStates.Waiting })
            .WithIconName("Database")
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            .WithHealthCheck(healthCheckKey);
    }

    private static async Task CreateDatabaseAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task PublishToDatabasesAsync(
        LocalPostgresServerResource server, IServiceProvider services, Func<CustomResourceSnapshot, CustomResourceSnapshot> update)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var model = services.GetRequiredService<DistributedApplicationModel>();
        foreach (var database in model.Resources.OfType<LocalPostgresDatabaseResource>().Where(d => d.Parent == server))
        {
            await notifications.PublishUpdateAsync(database, update);
        }
    }

    private static string? TryFindBinDirectory()
    {
        try
        {
            return PostgresBinaries.FindBinDirectory();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
