using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSense.Core.Data;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Core.Learning;

/// <summary>
/// Keeps this process serving the newest model version stored in Postgres: at start (storing the seed-trained model as
/// the first version of a fresh database) and every <c>Triage:ModelPollSeconds</c> after, so every Api and Worker
/// replica switches to a new version within seconds, without a restart; a triage under way finishes on the version it
/// began with.
/// </summary>
public sealed class ModelVersionSync(
    IServiceScopeFactory scopes,
    LocalTriageModelProvider provider,
    DatabaseState database,
    IOptions<DataOptions> data,
    IOptions<LocalTriageModelOptions> options,
    TimeProvider time,
    ILogger<ModelVersionSync> logger) : BackgroundService
{
    // The tests run many hosts in one process: a version loaded once serves them all while anything holds it.
    private static readonly ConcurrentDictionary<(string Payload, int Version), WeakReference<LocalTriageModel>> Loaded = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ModelPoll.RunAsync(database, options.Value.ModelPollInterval, time, SyncAsync, logger,
            "Cannot look for a newer local model version; the serving one goes on serving.", stoppingToken);

    /// <summary>Serves the newest stored version if it is not serving already; stores the seed model first on a fresh database.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ModelStore>();
        var newest = await store.NewestAsync(cancellationToken);
        if (newest is null)
        {
            await PublishSeedModelAsync(store, cancellationToken);
            return;
        }
        if (newest.Version == provider.ServingVersion) return;

        var payload = await store.PayloadAsync(newest.Version, cancellationToken)
                      ?? throw new InvalidDataException($"Model version {newest.Version} has no classifiers stored.");
        provider.Serve(Load(payload, newest.Version));
        logger.LogInformation("Serving local model version {Version} ({Examples} tickets, {Corrections} corrections).",
            newest.Version, newest.Examples, newest.Corrections);
    }

    private async Task PublishSeedModelAsync(ModelStore store, CancellationToken cancellationToken)
    {
        var seed = await provider.GetSeedModelAsync(cancellationToken);
        var payload = seed.ToBytes();
        var stored = await store.PublishAsync(new StoredModel
        {
            FeatureKey = LocalTriageModel.FeatureKey,
            TrainedAt = time.GetUtcNow(),
            Examples = TicketDataset.LoadSeed(data.Value.Folder).Labelled().Count,
            Corrections = 0,
            HistoryMark = 0,
            TrainingMs = 0,
            Payload = payload,
        }, unlessOneExists: true, cancellationToken);
        if (stored is null)
        {
            // Another process stored its first version meanwhile: serve that one.
            await SyncAsync(cancellationToken);
            return;
        }
        var model = seed.AsVersion(stored.Version);
        Loaded[(Hash(payload), stored.Version)] = new WeakReference<LocalTriageModel>(model);
        provider.Serve(model);
        logger.LogInformation("Stored the seed-trained local model as version {Version}.", stored.Version);
    }

    private static LocalTriageModel Load(byte[] payload, int version)
    {
        var key = (Hash(payload), version);
        if (Loaded.TryGetValue(key, out var reference) && reference.TryGetTarget(out var loaded)) return loaded;
        var model = LocalTriageModel.FromBytes(payload, version);
        Loaded[key] = new WeakReference<LocalTriageModel>(model);
        return model;
    }

    private static string Hash(byte[] payload) => Convert.ToHexStringLower(SHA256.HashData(payload));
}
