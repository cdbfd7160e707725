using Microsoft.EntityFrameworkCore;
using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>Reads and writes <c>tickets</c>. Tickets are immutable: there is no update.</summary>
public sealed class TicketRepository(TicketsDbContext db, TicketCounts counts)
{
    /// <summary>
    /// Inserts <paramref name="ticket"/>. An existing id is an outcome, not an exception: <c>ON CONFLICT DO NOTHING</c>
    /// leaves the stored row exactly as it was, and no Postgres error reaches the caller. A ticket to be triaged at
    /// once is added with its claim instead (<see cref="TriageClaimRepository.AddClaimedAsync"/>).
    /// </summary>
    public async Task<AddTicketResult> AddAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var receivedAtUtc = ticket.ReceivedAt.ToUniversalTime();
        var origin = WireNames.Of(ticket.Origin);
        var createdAt = await db.Database.SqlQuery<DateTimeOffset>($"""
            INSERT INTO tickets (id, sender, subject, body, received_at, created_by, origin)
            VALUES ({ticket.Id}, {ticket.Sender}, {ticket.Subject}, {ticket.Body}, {receivedAtUtc}, {ticket.CreatedBy}, {origin})
            ON CONFLICT (id) DO NOTHING
            RETURNING created_at AS "Value"
            """).ToListAsync(cancellationToken);
        counts.Invalidate();
        return AddTicketResult.From(ticket, createdAt);
    }

    public Task<TicketWithTriage?> GetAsync(string id, CancellationToken cancellationToken) =>
        WithTriages(db.Tickets.AsNoTracking().Where(t => t.Id == id))
            .Select(r => new TicketWithTriage(r.Ticket, r.Triage))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// One page matching <paramref name="query"/> (one query: the triage comes by the join, never per ticket), and how
    /// many tickets match in all (from <see cref="TicketCounts"/>: fresh within a second).
    /// </summary>
    public async Task<(IReadOnlyList<TicketWithTriage> Items, int Total)> PageAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, TicketQuery.MaxLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);

        var matching = Matching(query);
        // Not cancelled with this request: readers arriving meanwhile may be waiting for the same count.
        var total = await counts.GetAsync(query, () => matching.CountAsync(CancellationToken.None));
        var items = await Ordered(matching, query.Order).Skip(query.Offset).Take(query.Limit)
            .Select(r => new TicketWithTriage(r.Ticket, r.Triage))
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// Every ticket matching <paramref name="query"/> in its order, one row at a time as Postgres sends them (no paging:
    /// <see cref="TicketQuery.Limit"/> and <see cref="TicketQuery.Offset"/> are ignored), so an export of any size holds
    /// one row in memory, never the whole result.
    /// </summary>
    public IAsyncEnumerable<TicketWithTriage> StreamAsync(TicketQuery query) =>
        Ordered(Matching(query), query.Order)
            .Select(r => new TicketWithTriage(r.Ticket, r.Triage))
            .AsAsyncEnumerable();

    /// <summary><paramref name="size"/> triaged tickets picked at random (fewer when fewer are triaged).</summary>
    public async Task<IReadOnlyList<TicketWithTriage>> SampleTriagedAsync(int size, CancellationToken cancellationToken) =>
        await WithTriages(db.Tickets.AsNoTracking())
            .Where(r => r.Triage != null)
            .OrderBy(_ => EF.Functions.Random())
            .Take(size)
            .Select(r => new TicketWithTriage(r.Ticket, r.Triage))
            .ToListAsync(cancellationToken);

    /// <summary>Ids of tickets the backlog owes a triage (no record, or a human's labels awaiting the model), oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListUntriagedIdsAsync(int limit, CancellationToken cancellationToken) =>
        await db.Tickets.AsNoTracking()
            .Where(t => !db.TicketTriages.Any(x => x.TicketId == t.Id && !x.AwaitingModel))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => t.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    /// <summary>The tickets <paramref name="query"/>'s filters select, untracked: the one place the list and the export filter.</summary>
    private IQueryable<Row> Matching(TicketQuery query)
    {
        var matching = WithTriages(db.Tickets.AsNoTracking());
        if (query.Priority is { } priority) matching = matching.Where(r => r.Triage!.Priority == priority);
        if (query.Category is { } category) matching = matching.Where(r => r.Triage!.Category == category);
        if (query.Sentiment is { } sentiment) matching = matching.Where(r => r.Triage!.Sentiment == sentiment);
        if (query.NeedsReviewBelow is { } threshold)
        {
            matching = matching.Where(r => r.Triage != null && r.Triage.HumanFields.Count == 0
                && (r.Triage.ConfidencePriority < threshold || r.Triage.ConfidenceCategory < threshold || r.Triage.ConfidenceSentiment < threshold));
        }
        if (!string.IsNullOrEmpty(query.SubjectContains))
        {
            var pattern = $"%{EscapeLike(query.SubjectContains)}%";
            matching = matching.Where(r => EF.Functions.ILike(r.Ticket.Subject, pattern, LikeEscape));
        }

        return matching;
    }

    /// <summary><paramref name="matching"/> sorted by <paramref name="order"/>, then by id so every order is total.</summary>
    private static IOrderedQueryable<Row> Ordered(IQueryable<Row> matching, TicketOrder order) => order switch
    {
        TicketOrder.CreatedAt => matching.OrderByDescending(r => r.Ticket.CreatedAt).ThenBy(r => r.Ticket.Id),
        TicketOrder.Confidence => matching
            .OrderBy(r => r.Triage == null
                ? 2
                : Math.Min(r.Triage.ConfidencePriority ?? 1, Math.Min(r.Triage.ConfidenceCategory ?? 1, r.Triage.ConfidenceSentiment ?? 1)))
            .ThenBy(r => r.Ticket.Id),
        _ => matching.OrderByDescending(r => r.Ticket.ReceivedAt).ThenBy(r => r.Ticket.Id),
    };

    private IQueryable<Row> WithTriages(IQueryable<Ticket> tickets) =>
        from ticket in tickets
        join triage in db.TicketTriages.AsNoTracking() on ticket.Id equals triage.TicketId into triages
        from triage in triages.DefaultIfEmpty()
        select new Row { Ticket = ticket, Triage = triage };

    /// <summary>The join as EF can still filter and sort it (a member-init, unlike a record constructor).</summary>
    private sealed class Row
    {
        public required Ticket Ticket { get; init; }
        public TicketTriage? Triage { get; init; }
    }

    private const string LikeEscape = "\\";

    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape).Replace("%", LikeEscape + "%").Replace("_", LikeEscape + "_");
}
