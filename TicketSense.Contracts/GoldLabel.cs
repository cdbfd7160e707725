namespace TicketSense.Contracts;

/// <summary>The labels a careful support lead gave a ticket (<c>data/gold.json</c>): the reference for training and evaluation.</summary>
public sealed record GoldLabel(Priority Priority, Category Category, Sentiment Sentiment);
