using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// The <see cref="LocalTriageModel"/> a process serves. Where the process has storage (the Api, the Worker) it is the
/// newest version stored in Postgres, which the <see cref="StoredModelLoader"/> loads and swaps in while requests go
/// on (the first call loads it if the background sync has not yet). Without storage (<c>eval</c>) it is the seed-trained model.
/// The seed-trained model is loaded from the disk cache when one was saved for exactly this data and this model code,
/// else trained from the seed set under <c>Data:Path</c> and saved, so a restart loads instead of retraining; it is
/// also what a fresh database's version 1 is made of. One seed model serves every provider of a process with the same
/// data and cache (the tests build many hosts in one process), and processes starting together train it once
/// (<see cref="CacheFileLock"/>).
/// </summary>
public sealed class LocalTriageModelProvider
{
    private static readonly ConcurrentDictionary<(string Data, string Cache), Lazy<Task<LocalTriageModel>>> ProcessModels = new();

    private readonly Lazy<Task<LocalTriageModel>> seed;
    private readonly StoredModelLoader? storedModels;
    private readonly Lock firstLoadGate = new();
    private Task? firstLoad;
    private readonly string dataPath;
    private readonly string cachePath;
    private volatile LocalTriageModel? stored;

    public LocalTriageModelProvider(IOptions<DataOptions> data, IOptions<LocalTriageModelOptions> options, ILogger<LocalTriageModelProvider> logger,
        StoredModelLoader? storedModels = null)
    {
        dataPath = data.Value.Folder;
        cachePath = options.Value.CacheFolder;
        this.storedModels = storedModels;
        seed = ProcessModels.GetOrAdd((dataPath, cachePath),
            paths => new(() => Task.Run(() => LoadOrTrainAsync(paths.Data, paths.Cache, logger, CancellationToken.None))));
    }

    public bool IsReady => storedModels is not null ? stored is not null : seed.IsValueCreated && seed.Value.IsCompletedSuccessfully;

    /// <summary>For <c>/ready</c>: which version is serving, still loading, or why it failed.</summary>
    public string Status => stored is { } model ? $"version {model.Version} loaded"
        : !seed.IsValueCreated ? "not started"
        : seed.Value.IsFaulted ? $"failed: {seed.Value.Exception!.GetBaseException().Message}"
        : !seed.Value.IsCompletedSuccessfully ? "loading or training"
        : storedModels is not null ? "waiting for the stored version" : "loaded";

    /// <summary>The stored version serving now, or null before the first (or without storage).</summary>
    public int? ServingVersion => stored?.Version;

    /// <summary>The model to answer with now: a later call may get a newer version.</summary>
    public async Task<LocalTriageModel> GetAsync(CancellationToken cancellationToken)
    {
        if (storedModels is null) return await seed.Value.WaitAsync(cancellationToken);
        if (stored is { } model) return model;
        Task load;
        lock (firstLoadGate)
        {
            // One load for every caller waiting; a failed one (Postgres down) is tried again by the next caller.
            if (firstLoad is null || firstLoad.IsFaulted || firstLoad.IsCanceled) firstLoad = storedModels.LoadNewestAsync(CancellationToken.None);
            load = firstLoad;
        }
        await load.WaitAsync(cancellationToken);
        return stored ?? throw new InvalidOperationException("No local model version is stored.");
    }

    /// <summary>The model trained on the seed set alone, from the disk cache when it can.</summary>
    public Task<LocalTriageModel> GetSeedModelAsync(CancellationToken cancellationToken) => seed.Value.WaitAsync(cancellationToken);

    /// <summary>Serves <paramref name="model"/> from the next call on; calls under way finish with the model they have.</summary>
    public void Serve(LocalTriageModel model)
    {
        stored = model;
    }

    /// <summary>
    /// The seed model's cross-validated accuracy, from the disk cache beside it when it was computed before (it costs
    /// five trainings), else computed and saved.
    /// </summary>
    public async Task<ModelAccuracy> SeedAccuracyAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(cachePath, $"{CacheKey(dataPath)}.accuracy.json");
        try
        {
            if (File.Exists(path) && JsonSerializer.Deserialize<ModelAccuracy>(await File.ReadAllBytesAsync(path, cancellationToken), TicketSenseJson.Options) is { } cached)
                return cached;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            // Computed again below.
        }
        var seedTickets = TicketDataset.LoadSeed(dataPath).Labelled().Select(TrainingTicket.Of).ToList();
        var accuracy = await Task.Run(() => CrossValidation.Accuracy(seedTickets, cancellationToken), cancellationToken);
        try
        {
            Directory.CreateDirectory(cachePath);
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(accuracy, TicketSenseJson.Options), cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not cached: the next fresh database computes it again.
        }
        return accuracy;
    }

    /// <summary>The cache key: a hash of the seed files' names and bytes and of the model code's build.</summary>
    public static string CacheKey(string dataPath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(LocalTriageModel).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var file in TicketDataset.SeedBatchFiles(dataPath).Append(Path.Combine(dataPath, "gold.json")))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>The cached model for exactly this data and code, else a freshly trained one, saved for the next start.</summary>
    public static async Task<LocalTriageModel> LoadOrTrainAsync(string dataPath, string cachePath, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var key = CacheKey(dataPath);
        using var gate = await CacheFileLock.AcquireAsync(Path.Combine(cachePath, $"{key}.lock"), TimeSpan.FromMinutes(5), cancellationToken);
        if (LocalTriageModel.TryLoad(cachePath, key) is { } cached)
        {
            logger.LogInformation("Local triage model {Key} loaded from {CachePath} in {ElapsedMs:F0} ms.", key, cachePath, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return cached;
        }

        var labelled = TicketDataset.LoadSeed(dataPath).Labelled();
        var trained = LocalTriageModel.Train(labelled);
        logger.LogInformation("Local triage model {Key} trained on {Count} tickets from {DataPath} in {ElapsedMs:F0} ms.",
            key, labelled.Count, dataPath, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        try
        {
            trained.Save(cachePath, key);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Local triage model not cached at {CachePath} ({Reason}); the next start trains again.", cachePath, ex.Message);
        }
        return trained;
    }
}
