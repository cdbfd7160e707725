namespace TicketSense.Api.Events;

/// <summary>One server-sent event: <c>triaged</c> (data = TicketResponse JSON) or <c>overview</c> (data = OverviewResponse JSON).</summary>
public sealed record LiveEvent(string Name, string Data);
