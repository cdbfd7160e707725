namespace TicketSense.Core.Triage;

/// <summary>
/// The shape every triage must have, whoever produced it: the validator enforces these, the JSON schema announces
/// them to the LLMs, and the local model's summary and tags are built to fit them — one set of numbers for all three.
/// </summary>
public static class TriageLimits
{
    public const int MaxSummaryLength = 500;
    public const int MinTags = 2;
    public const int MaxTags = 5;
    public const int MaxTagLength = 40;
}
