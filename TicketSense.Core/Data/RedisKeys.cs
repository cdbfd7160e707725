using StackExchange.Redis;

namespace TicketSense.Core.Data;

/// <summary>The Redis names of shared/DESIGN.md section 3; clients outside TicketSense may read them, so they never change.</summary>
public static class RedisKeys
{
    public static RedisKey TicketTriage(string ticketId) => $"triage:ticket:{ticketId}";

    public static readonly RedisKey Overview = "triage:overview";

    public static readonly RedisChannel TriageEvents = RedisChannel.Literal("triage:events");

    /// <summary>The OverviewResponse JSON of each refresh, for every replica's in-process copy.</summary>
    public static readonly RedisChannel OverviewRefreshed = RedisChannel.Literal("triage:overview:refreshed");
}
