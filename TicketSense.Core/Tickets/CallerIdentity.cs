namespace TicketSense.Core.Tickets;

/// <summary>
/// Who a scope works for: the name of the API key the request came with (never the key), recorded as a ticket's
/// <c>created_by</c> and a history entry's <c>actor</c>. Null for the Worker, the seed import and an API without keys.
/// The Api sets it per request once the caller is authenticated.
/// </summary>
public sealed class CallerIdentity
{
    public string? Name { get; set; }
}
