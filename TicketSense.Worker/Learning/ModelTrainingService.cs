using Microsoft.Extensions.Options;
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
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ModelPoll.RunAsync(database, options.Value.ModelPollInterval, time, trainer.RunDueAsync, logger,
            "Cannot run the local model's training; trying again at the next poll.", stoppingToken);
}
