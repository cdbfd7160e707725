using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TicketSense.AppHost.LocalStores;

/// <summary><c>AddLocalRedis</c>: the local-process counterpart of Aspire's <c>AddRedis</c>, with the same connection string, health check and wait semantics.</summary>
public static class LocalRedisBuilderExtensions
{
    /// <param name="repositoryRoot">Where the tool manifest pinning Garnet lives, for when <c>redis-server</c> is not installed.</param>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string repositoryRoot)
    {
        // redis-server is known at once; Garnet may need a `dotnet tool restore`, done at start where a failure fails this resource only.
        var command = RedisCommand.RedisServer();
        var redis = new LocalRedisResource(name, command?.FileName ?? "dotnet");

        string? connectionString = null;
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException("The connection string is not available yet."),
            name: healthCheckKey);

        return builder.AddResource(redis)
            .WithEndpoint(name: LocalRedisResource.PrimaryEndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                var resolved = command ?? throw new InvalidOperationException($"{name}: no Redis server was resolved before start.");
                foreach (var argument in resolved.Arguments) context.Args.Add(argument);
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithIconName("Memory")
            .OnBeforeResourceStarted(async (resource, @event, cancellationToken) =>
            {
                try
                {
                    command ??= await RedisCommand.GarnetAsync(repositoryRoot, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw new DistributedApplicationException($"{resource.Name} cannot start: {ex.Message}", ex);
                }
                @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource)
                    .LogInformation("Redis protocol served by {Kind} ({Program})", command.Kind, command.FileName);
            })
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            .WithHealthCheck(healthCheckKey);
    }
}
