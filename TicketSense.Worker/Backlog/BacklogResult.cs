namespace TicketSense.Worker.Backlog;

/// <summary>What one pass over the backlog did.</summary>
public sealed record BacklogResult(int Triaged, int Failed);
