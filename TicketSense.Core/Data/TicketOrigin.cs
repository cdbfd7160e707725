namespace TicketSense.Core.Data;

/// <summary>
/// How a ticket came in: through the API (<c>POST /tickets</c>), or loaded in bulk (the seed import). Only a ticket that
/// came through the API raises an alert on its first triage.
/// </summary>
public enum TicketOrigin
{
    Import,
    Api,
}
