namespace TicketSense.Core.Triage.Local;

/// <summary>The local model's one setting, <c>Triage:LocalModelCache</c>: where trained models are kept between starts.</summary>
public sealed class LocalTriageModelOptions
{
    /// <summary>The key sits in the <c>Triage</c> section beside the LLM settings, as it always has.</summary>
    public const string Section = "Triage";

    /// <summary>Unset means a <c>TicketSense/models</c> folder under the user's local application data (else the temp folder).</summary>
    public string? LocalModelCache { get; set; }

    /// <summary>The folder this resolves to, absolute.</summary>
    public string CacheFolder => string.IsNullOrWhiteSpace(LocalModelCache) ? DefaultCacheFolder() : Path.GetFullPath(LocalModelCache);

    private static string DefaultCacheFolder()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(root.Length > 0 ? root : Path.GetTempPath(), "TicketSense", "models");
    }
}
