using TicketSense.Core;
using TicketSense.Worker.Seeding;

namespace TicketSense.Worker;

/// <summary>The worker's own settings (<c>Worker</c>, <c>Seed</c>), registered alike for the hosted worker and every one-shot command.</summary>
public static class WorkerRegistration
{
    public static IHostApplicationBuilder AddTicketSenseWorkerOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<WorkerOptions, WorkerOptionsValidator>(builder.Configuration, WorkerOptions.Section);
        builder.Services.AddValidatedOptions<SeedOptions, SeedOptionsValidator>(builder.Configuration, SeedOptions.Section);
        return builder;
    }
}
