using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// A ticket and what it teaches the local model: each label it states (a null label teaches nothing about that
/// dimension, as a correction of the category alone says nothing about the priority) and how much it weighs beside a
/// seed label (1).
/// </summary>
public sealed record TrainingTicket(Ticket Ticket, Priority? Priority, Category? Category, Sentiment? Sentiment, float Weight = 1)
{
    public static TrainingTicket Of((Ticket Ticket, GoldLabel Gold) labelled) =>
        new(labelled.Ticket, labelled.Gold.Priority, labelled.Gold.Category, labelled.Gold.Sentiment);

    /// <summary>The wire name of the label for <paramref name="dimension"/> (0 priority, 1 category, 2 sentiment), or null.</summary>
    public string? LabelFor(int dimension) => dimension switch
    {
        0 => Priority is { } p ? WireNames.Of(p) : null,
        1 => Category is { } c ? WireNames.Of(c) : null,
        _ => Sentiment is { } s ? WireNames.Of(s) : null,
    };
}
