using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Core.Learning;

/// <summary>
/// Trains the local model's next version when one is due — asked for by <c>POST /model/retrain</c>, or
/// <c>Triage:RetrainEvery</c> corrections after the serving version's — on the seed set plus every correction, stores
/// it, then cross-validates it. One training at a time across every replica: all of it runs under a Postgres advisory
/// lock, and a Worker that finds the lock taken leaves the work to its holder.
/// </summary>
public sealed class ModelTrainer(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    LocalTriageModelProvider provider,
    IOptions<DataOptions> data,
    IOptions<LocalTriageModelOptions> options,
    TimeProvider time,
    ILogger<ModelTrainer> logger)
{
    /// <summary>An arbitrary, fixed advisory-lock key ("TSTrains").</summary>
    private const long TrainingLockKey = 0x5453547261696E73;

    /// <summary>Runs the training (and the cross-validation) that is due, if this process gets the lock; false when another holds it.</summary>
    public async Task<bool> RunDueAsync(CancellationToken cancellationToken)
    {
        // A session lock, held on one connection of its own across the whole training.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await LockAsync(connection, "pg_try_advisory_lock", cancellationToken)) return false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ModelStore>();
            // The first version is stored by whichever process starts first (ModelVersionSync).
            if (await store.NewestAsync(cancellationToken) is not { } serving) return true;

            if (await store.CorrectionsSinceAsync(serving.HistoryMark, cancellationToken) >= options.Value.RetrainEvery)
                await store.RequestTrainingAsync(ModelTraining.NewCorrections, cancellationToken);

            IReadOnlyList<TrainingTicket>? trainedOn = null;
            if (await store.UnfinishedTrainingAsync(cancellationToken) is { } training)
                (serving, trainedOn) = await TrainAsync(store, training, serving, cancellationToken);

            if (serving.Accuracy is null)
            {
                var accuracy = serving.Corrections == 0
                    ? await provider.SeedAccuracyAsync(cancellationToken)
                    : await Task.Run(async () => CrossValidation.Accuracy(trainedOn ?? (await TrainingSetAsync(store, cancellationToken)).Tickets, cancellationToken), cancellationToken);
                await store.SetAccuracyAsync(serving.Version, accuracy, cancellationToken);
                logger.LogInformation("Local model version {Version} cross-validated: priority {Priority:P1}, category {Category:P1}, sentiment {Sentiment:P1}.",
                    serving.Version, accuracy.Priority, accuracy.Category, accuracy.Sentiment);
            }
            return true;
        }
        finally
        {
            await LockAsync(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    private async Task<(StoredModel Serving, IReadOnlyList<TrainingTicket>? TrainedOn)> TrainAsync(
        ModelStore store, ModelTraining training, StoredModel serving, CancellationToken cancellationToken)
    {
        await store.StartAsync(training.Id, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (tickets, corrections, historyMark) = await TrainingSetAsync(store, cancellationToken);
            var model = await Task.Run(() => LocalTriageModel.Train(tickets), cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var stored = (await store.PublishAsync(new StoredModel
            {
                FeatureKey = LocalTriageModel.FeatureKey,
                TrainedAt = time.GetUtcNow(),
                Examples = tickets.Select(t => t.Ticket.Id).Distinct(StringComparer.Ordinal).Count(),
                Corrections = corrections,
                HistoryMark = historyMark,
                TrainingMs = (int)elapsed.TotalMilliseconds,
                Payload = model.ToBytes(),
            }, unlessOneExists: false, cancellationToken))!;
            await store.FinishAsync(training.Id, stored.Version, error: null, cancellationToken);
            provider.Serve(model.AsVersion(stored.Version));
            logger.LogInformation("Trained local model version {Version} on {Examples} tickets ({Corrections} corrections) in {ElapsedMs:F0} ms ({Reason}).",
                stored.Version, stored.Examples, corrections, elapsed.TotalMilliseconds, training.Reason);
            return (stored, tickets);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Finished, with the reason: the serving version goes on, and the next request or count tries again.
            logger.LogError(ex, "Training the local model failed; version {Version} goes on serving.", serving.Version);
            await store.FinishAsync(training.Id, version: null, error: ex.Message, CancellationToken.None);
            return (serving, null);
        }
    }

    private async Task<(IReadOnlyList<TrainingTicket> Tickets, int Corrections, long HistoryMark)> TrainingSetAsync(
        ModelStore store, CancellationToken cancellationToken)
    {
        var (corrections, historyMark) = await store.CorrectionsAsync(cancellationToken);
        var seed = TicketDataset.LoadSeed(data.Value.Folder).Labelled();
        return (TrainingSet.Of(seed, corrections), corrections.Count, historyMark);
    }

    private static async Task<bool> LockAsync(NpgsqlConnection connection, string function, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}({TrainingLockKey})", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
