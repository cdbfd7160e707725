using TicketSense.Core.Overview;
using TicketSense.Worker.Alerts;
using TicketSense.Worker.Backlog;
using TicketSense.Worker.Learning;
using TicketSense.Worker.Seeding;

namespace TicketSense.Worker;

/// <summary>
/// The worker with no command, as the AppHost starts it: migrates the database, loads <c>Seed:Path</c>, then keeps
/// every ticket triaged, the overview fresh, the webhook outbox sent and the local model trained on the team's corrections until it is stopped.
/// </summary>
public static class WorkerService
{
    /// <param name="settings">Configuration settings in command-line form (<c>--Worker:Concurrency 4</c>).</param>
    public static async Task<int> RunAsync(string[] settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(settings);
        builder.AddServiceDefaults();
        builder.AddTicketSenseWorker(migrateAtStart: true);
        builder.AddTicketSenseOverview();
        builder.Services.AddSingleton<SeedGate>();
        builder.Services.AddHostedService<SeedLoaderService>();
        builder.Services.AddHostedService<BacklogTriageService>();
        builder.Services.AddHostedService<ModelTrainingService>();
        builder.AddTicketSenseAlertDispatch();

        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
