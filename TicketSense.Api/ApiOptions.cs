namespace TicketSense.Api;

/// <summary>The <c>Api</c> configuration section; checked by <see cref="ApiOptionsValidator"/>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary><c>Api:MaxRequestBytes</c>: Kestrel's request body limit; a larger body is a 413 problem.</summary>
    public long MaxRequestBytes { get; set; } = 262_144;

    /// <summary><c>Api:HeartbeatSeconds</c>: how often <c>/events</c> sends each client a <c>heartbeat</c> event.</summary>
    public int HeartbeatSeconds { get; set; } = 15;
}
