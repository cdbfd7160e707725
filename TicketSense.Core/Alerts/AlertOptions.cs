namespace TicketSense.Core.Alerts;

/// <summary>
/// The <c>Alerts</c> configuration section: the webhook endpoints (<c>Alerts:Webhooks:0:Url</c>, …) and how the
/// Worker's dispatcher sends to them.
/// </summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public List<AlertEndpointOptions> Webhooks { get; set; } = [];

    /// <summary>A delivery still unacknowledged this long after it was written is marked failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the dispatcher looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after the first failed attempt; it doubles with each further failure, up to <see cref="BackoffCap"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one HTTP attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many deliveries one dispatcher sends at once.</summary>
    public int Concurrency { get; set; } = 4;
}
