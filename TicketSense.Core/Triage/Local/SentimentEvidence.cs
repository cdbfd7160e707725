using TicketSense.Contracts;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// The sentiment rule of data/README.md, applied to what the classifier proposes. Complaints, sarcasm, "still
/// waiting", "again", a delay, an overdue refund or a lost order are negative even in one short sentence; positive
/// needs praise or thanks with nothing wrong (sarcasm is never positive); angry needs hostility, not only capitals or
/// exclamation marks. The classifier learnt tone from the seed's long emails, where neutral was the safe answer for a
/// short message; this rule keeps it from calling a curt complaint neutral.
/// </summary>
public readonly record struct SentimentEvidence(bool Positive, bool Negative, bool Sarcastic, bool Short)
{
    private static readonly int[] NegativeCues = TriageCues.Indexes("complaint", "frustration", "refund-overdue", "double-charge", "hostility", "sarcasm");
    private static readonly int Praise = TriageCues.Index("praise");
    private static readonly int Thanks = TriageCues.Index("thanks");
    private static readonly int Sarcasm = TriageCues.Index("sarcasm");

    /// <summary>A message this short says what it feels in a few words, so one complaint cue decides its tone.</summary>
    public const int ShortMessageLength = 300;

    /// <summary>The evidence in a ticket's text (<see cref="TicketText.ForModel"/>) and its cue vector (<see cref="TriageCues.Of"/>, at any scale).</summary>
    public static SentimentEvidence Of(string text, IReadOnlyList<float> cues) => new(
        Positive: cues[Praise] > 0 || cues[Thanks] > 0,
        Negative: NegativeCues.Any(i => cues[i] > 0),
        Sarcastic: cues[Sarcasm] > 0,
        Short: text.Length <= ShortMessageLength);

    /// <summary>The classifier's proposal where the evidence supports it, else the nearest label it does support.</summary>
    public Sentiment Decide(Sentiment proposed) => proposed switch
    {
        Sentiment.Positive when Sarcastic || !Positive => Negative ? Sentiment.Negative : Sentiment.Neutral,
        Sentiment.Neutral when Negative && Short => Sentiment.Negative,
        _ => proposed,
    };
}
