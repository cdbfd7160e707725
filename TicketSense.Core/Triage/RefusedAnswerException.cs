namespace TicketSense.Core.Triage;

/// <summary>A model answered, but its answer failed the acceptance check (unparseable, outside the schema, bad tags).</summary>
public sealed class RefusedAnswerException(string model, string reason)
    : Exception($"{model} answered, but the answer was refused: {reason}")
{
    public string Model { get; } = model;
}
