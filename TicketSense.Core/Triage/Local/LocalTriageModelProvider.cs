using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSense.Core.Data;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// The one <see cref="LocalTriageModel"/> of a process: loaded from the disk cache when one was saved for exactly this
/// data and this model code, else trained from the seed set under <c>Data:Path</c> and saved, so a restart loads
/// instead of retraining. Loading starts at the first call (the warm-up service makes that the process start).
/// One model serves every provider of a process with the same data and cache (the tests build many hosts in one
/// process), and processes starting together train once (<see cref="CacheFileLock"/>).
/// </summary>
public sealed class LocalTriageModelProvider
{
    private static readonly ConcurrentDictionary<(string Data, string Cache), Lazy<Task<LocalTriageModel>>> ProcessModels = new();

    private readonly Lazy<Task<LocalTriageModel>> model;

    public LocalTriageModelProvider(IOptions<DataOptions> data, IOptions<LocalTriageModelOptions> options, ILogger<LocalTriageModelProvider> logger)
    {
        model = ProcessModels.GetOrAdd((data.Value.Folder, options.Value.CacheFolder),
            paths => new(() => Task.Run(() => LoadOrTrainAsync(paths.Data, paths.Cache, logger, CancellationToken.None))));
    }

    public bool IsReady => model.IsValueCreated && model.Value.IsCompletedSuccessfully;

    /// <summary>For <c>/ready</c>: loaded, still loading, or why it failed.</summary>
    public string Status => !model.IsValueCreated ? "not started"
        : model.Value.IsCompletedSuccessfully ? "loaded"
        : model.Value.IsFaulted ? $"failed: {model.Value.Exception!.GetBaseException().Message}"
        : "loading or training";

    public Task<LocalTriageModel> GetAsync(CancellationToken cancellationToken) => model.Value.WaitAsync(cancellationToken);

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
