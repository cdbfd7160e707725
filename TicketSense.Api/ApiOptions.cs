using TicketSense.Api.RateLimiting;

namespace TicketSense.Api;

/// <summary>The <c>Api</c> configuration section; checked by <see cref="ApiOptionsValidator"/>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary><c>Api:MaxRequestBytes</c>: Kestrel's request body limit; a larger body is a 413 problem.</summary>
    public long MaxRequestBytes { get; set; } = 262_144;

    /// <summary><c>Api:HeartbeatSeconds</c>: how often <c>/events</c> sends each client a <c>heartbeat</c> event.</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>
    /// <c>Api:Keys:NAME = KEY</c> (environment <c>Api__Keys__NAME</c>): when any is set, writes need one of these keys
    /// (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>), and the key's name stands for the caller in logs,
    /// traces, <c>tickets.created_by</c> and the history. Empty: the API is open, with a warning at start.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>Api:RequireKeyForReads</c>: reads need a key too (when keys are configured).</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary><c>Api:RateLimit</c>: how many writes each caller may make (off unless <c>Api:RateLimit:PermitsPerSecond</c> is set).</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    public bool KeysConfigured => Keys.Count > 0;
}
