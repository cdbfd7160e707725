using Microsoft.Extensions.Options;
using OpenTelemetry;
using TicketSense.Core.Data;
using TicketSense.Core.Learning;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Worker.Learning;

/// <summary>
/// The Worker's trainer: every <c>Triage:ModelPollSeconds</c> it runs the training that is due (<see cref="ModelTrainer"/>),
/// in the background, so no request waits for one and the Api never holds a training set in memory.
/// </summary>
public sealed class ModelTrainingService(
    ModelTrainer trainer,
    DatabaseState database,
    IOptions<LocalTriageModelOptions> options,
    TimeProvider time,
    ILogger<ModelTrainingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.WaitUntilMigratedAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.ModelPollInterval, time);
        var failing = false;
        do
        {
            try
            {
                // Polled every 2 s: untraced, so the Aspire dashboard shows requests, not the trainer asking whether to train.
                using (SuppressInstrumentationScope.Begin()) await trainer.RunDueAsync(stoppingToken);
                failing = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A background loop: whatever failed (Postgres down, an unreadable version) is tried again at the next
                // poll, and must never stop the host.
                if (!failing) logger.LogWarning(ex, "Cannot run the local model's training; trying again at the next poll.");
                failing = true;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
