using TicketSense.AppHost;
using TicketSense.AppHost.Hosting;

await using var app = TicketSenseAppHost.Declare(new DistributedApp(AppHostSettings.Load(args)));
return await app.RunAsync();

namespace TicketSense.AppHost
{
    /// <summary>The TicketSense system: its resources and their wiring. The tests start the same declaration.</summary>
    public static class TicketSenseAppHost
    {
        public static DistributedApp Declare(DistributedApp app)
        {
            var settings = app.Settings;
            var postgres = app.AddPostgres("postgres", database: "tickets");
            var redis = app.AddRedis("redis", connectionName: "cache");

            var api = app.AddProject("api", "TicketSense.Api", settings.ApiPort, "AppHost:ApiPort", readyPath: "/ready")
                .WithReference(postgres, "tickets")
                .WithReference(redis, "cache")
                .WithTriageSettings(settings)
                .WaitFor(postgres)
                .WaitFor(redis);

            app.AddProject("worker", "TicketSense.Worker")
                .WithReference(postgres, "tickets")
                .WithReference(redis, "cache")
                .WithTriageSettings(settings)
                .WithEnvironment("Seed__Path", settings.SeedPath)
                .WaitFor(api);

            app.AddProject("web", "TicketSense.Web", settings.WebPort, "AppHost:WebPort", readyPath: "/health")
                .WithServiceReference(api)
                .WaitFor(api);

            return app;
        }
    }
}
