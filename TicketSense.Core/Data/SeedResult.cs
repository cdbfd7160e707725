namespace TicketSense.Core.Data;

/// <summary>
/// What a seed import did: tickets newly stored, tickets whose id was already there, files read, and tickets that
/// failed <see cref="TicketRequestValidator"/> and were skipped.
/// </summary>
public sealed record SeedResult(int Loaded, int Skipped, int Files, int Invalid);
