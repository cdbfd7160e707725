namespace TicketSense.Core.Triage.Local;

/// <summary>
/// The local model's settings in the <c>Triage</c> section: where the seed-trained model is cached on disk, how often
/// a process looks for a newer stored version, and after how many corrections the Worker trains one.
/// </summary>
public sealed class LocalTriageModelOptions
{
    /// <summary>The key sits in the <c>Triage</c> section beside the LLM settings, as it always has.</summary>
    public const string Section = "Triage";

    /// <summary>Unset means a <c>TicketSense/models</c> folder under the user's local application data (else the temp folder).</summary>
    public string? LocalModelCache { get; set; }

    /// <summary>A training starts by itself after this many new corrections (<c>Triage:RetrainEvery</c>, 1–100,000).</summary>
    public int RetrainEvery { get; set; } = 50;

    /// <summary>
    /// How often every Api and Worker process looks in Postgres for a newer model version, and the Worker for a
    /// training to run (<c>Triage:ModelPollSeconds</c>, 0.05–60): a new version serves everywhere within about this.
    /// </summary>
    public double ModelPollSeconds { get; set; } = 2;

    public TimeSpan ModelPollInterval => TimeSpan.FromSeconds(ModelPollSeconds);

    /// <summary>The folder this resolves to, absolute.</summary>
    public string CacheFolder => string.IsNullOrWhiteSpace(LocalModelCache) ? DefaultCacheFolder() : Path.GetFullPath(LocalModelCache);

    private static string DefaultCacheFolder()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(root.Length > 0 ? root : Path.GetTempPath(), "TicketSense", "models");
    }
}
