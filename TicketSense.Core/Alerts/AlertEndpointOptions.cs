using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Alerts;

/// <summary>
/// One webhook endpoint (<c>Alerts:Webhooks:N</c>). It matches a triage whose priority is in <see cref="Priorities"/> or
/// whose sentiment is in <see cref="Sentiments"/>; with neither set, priority <c>critical</c> or sentiment <c>angry</c>.
/// </summary>
public sealed class AlertEndpointOptions
{
    /// <summary>A stable name for the outbox and <c>GET /alerts/deliveries</c>; by default the URL without its query string.</summary>
    public string? Name { get; set; }

    public string Url { get; set; } = "";

    /// <summary>The HMAC key of <c>X-TicketSense-Signature</c>. Never logged, traced, or shown.</summary>
    public string Secret { get; set; } = "";

    public List<string> Priorities { get; set; } = [];

    public List<string> Sentiments { get; set; } = [];

    /// <summary>Whether the payload carries the ticket's sender, subject and body (customer content).</summary>
    public bool IncludeContent { get; set; }

    /// <summary>
    /// <see cref="Name"/>, or the URL's scheme, host, port and path: never its user info or query string, which may hold
    /// a token.
    /// </summary>
    public string EndpointName => Name is { Length: > 0 } name
        ? name
        : Uri.TryCreate(Url, UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : Url;

    public bool Matches(TicketTriage triage) =>
        Priorities.Count == 0 && Sentiments.Count == 0
            ? triage.Priority == Priority.Critical || triage.Sentiment == Sentiment.Angry
            : Priorities.Contains(WireNames.Of(triage.Priority)) || Sentiments.Contains(WireNames.Of(triage.Sentiment));
}
