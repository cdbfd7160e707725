using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Core.Learning;

/// <summary>What the local model learns from: the seed set's labels and every human correction, a correction weighing more.</summary>
public static class TrainingSet
{
    /// <summary>
    /// A corrected label counts three seed labels: a team's convention outweighs ours where they disagree on similar
    /// tickets, while a handful of corrections cannot undo what the seed set teaches about everything else.
    /// </summary>
    public const float CorrectionWeight = 3;

    /// <summary>
    /// The seed tickets and the corrected ones; where a human corrected a seed ticket, the human's label replaces the
    /// seed's for that dimension instead of standing beside it.
    /// </summary>
    public static IReadOnlyList<TrainingTicket> Of(IEnumerable<(Ticket Ticket, GoldLabel Gold)> seed, IReadOnlyList<TrainingTicket> corrections)
    {
        // One correction per ticket comes from Postgres; were there two, the later one stands.
        var corrected = corrections.GroupBy(c => c.Ticket.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var seedTickets = seed.Select(TrainingTicket.Of).Select(s => corrected.TryGetValue(s.Ticket.Id, out var c)
            ? s with
            {
                Priority = c.Priority is null ? s.Priority : null,
                Category = c.Category is null ? s.Category : null,
                Sentiment = c.Sentiment is null ? s.Sentiment : null,
            }
            : s);
        return [.. seedTickets.Where(s => s.Priority is not null || s.Category is not null || s.Sentiment is not null), .. corrections];
    }
}
