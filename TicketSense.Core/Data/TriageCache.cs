using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary><c>triage:ticket:{id}</c> → TriageOutput JSON for 7 days; <c>ticket_triages</c> in Postgres holds the truth.</summary>
public sealed class TriageCache(RedisJsonStore store)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(7);

    public Task<TriageOutput?> GetAsync(string ticketId, CancellationToken cancellationToken) =>
        store.GetAsync<TriageOutput>(RedisKeys.TicketTriage(ticketId), cancellationToken);

    /// <summary>Caches <paramref name="triage"/>; false when Redis could not take it.</summary>
    public Task<bool> SetAsync(string ticketId, TriageOutput triage, CancellationToken cancellationToken) =>
        store.SetAsync(RedisKeys.TicketTriage(ticketId), triage, TimeToLive, cancellationToken);
}
