namespace TicketSense.Contracts;

/// <summary>The writer's tone. On the wire: <c>positive</c>, <c>neutral</c>, <c>negative</c>, <c>angry</c>.</summary>
public enum Sentiment
{
    Positive,
    Neutral,
    Negative,
    Angry,
}
