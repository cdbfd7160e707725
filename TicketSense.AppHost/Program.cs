using TicketSense.AppHost;
using TicketSense.AppHost.LocalStores;

// The TicketSense system. Postgres and Redis are Aspire's containers where a Docker engine answers, else local
// processes over the installed binaries (this machine has no container engine): the same names, connection strings,
// health checks and waits either way.
var builder = DistributedApplication.CreateBuilder(args);
var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));

IResourceBuilder<IResourceWithConnectionString> tickets, cache;
if (ContainerEngine.UseContainers(builder))
{
    tickets = builder.AddPostgres("postgres").WithDataVolume().AddDatabase("tickets");
    cache = builder.AddRedis("cache");
}
else
{
    tickets = builder.AddLocalPostgres("postgres", LocalDataDirectory.For(builder, "postgres")).AddDatabase("tickets");
    cache = builder.AddLocalRedis("cache", repositoryRoot);
}

var triage = TriageParameters.FromConfiguration(builder);
var access = AccessParameters.FromConfiguration(builder);
var alerts = AlertParameters.FromConfiguration(builder);

var api = builder.AddProject<Projects.TicketSense_Api>("api")
    .WithReference(tickets).WaitFor(tickets)
    .WithReference(cache).WaitFor(cache)
    .WithTriageSettings(triage)
    .WithAccessSettings(access)
    .WithAlertSettings(alerts)
    .WithHttpHealthCheck("/ready");

builder.AddProject<Projects.TicketSense_Worker>("worker")
    .WithReference(tickets)
    .WithReference(cache)
    .WithTriageSettings(triage)
    .WithAlertSettings(alerts)
    .WithSeedPath(repositoryRoot)
    .WithWorkerReplicas()
    .WaitFor(api);

builder.AddProject<Projects.TicketSense_Web>("web")
    .WithReference(api).WaitFor(api)
    .WithWebAccessSettings(access)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
