using TicketSense.Core;
using TicketSense.Core.Data;
using TicketSense.Core.Learning;
using TicketSense.Core.Overview;
using TicketSense.Core.Privacy;
using TicketSense.Core.Triage;
using TicketSense.Worker.Backlog;
using TicketSense.Worker.Seeding;

namespace TicketSense.Worker;

/// <summary>What the worker's code runs on, registered alike for the hosted worker and every one-shot command.</summary>
public static class WorkerRegistration
{
    /// <summary>
    /// Customer content erased from logs, storage, triage on the stored model versions, the overview (without its background refresher), the worker's
    /// settings, the backlog triager and the model trainer.
    /// </summary>
    /// <param name="migrateAtStart">The hosted worker migrates in the background; a one-shot command migrates first, itself.</param>
    public static IHostApplicationBuilder AddTicketSenseWorker(this IHostApplicationBuilder builder, bool migrateAtStart)
    {
        builder.AddCustomerContentRedaction();
        builder.AddTicketSenseStorage(migrateAtStart);
        builder.AddTicketSenseTriage();
        builder.AddTicketSenseLearning();
        builder.AddTicketSenseOverviewService();
        builder.AddTicketSenseWorkerOptions();
        builder.Services.AddSingleton<BacklogTriager>();
        builder.Services.AddSingleton<ModelTrainer>();
        return builder;
    }

    /// <summary>The worker's own settings (<c>Worker</c>, <c>Seed</c>), validated at start.</summary>
    public static IHostApplicationBuilder AddTicketSenseWorkerOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<WorkerOptions, WorkerOptionsValidator>(builder.Configuration, WorkerOptions.Section);
        builder.Services.AddValidatedOptions<SeedOptions, SeedOptionsValidator>(builder.Configuration, SeedOptions.Section);
        return builder;
    }
}
