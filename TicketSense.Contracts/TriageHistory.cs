namespace TicketSense.Contracts;

/// <summary><c>GET /tickets/{id}/history</c>: every triage and correction of a ticket, newest first.</summary>
public sealed record TriageHistory(IReadOnlyList<TriageHistoryItem> Items);
