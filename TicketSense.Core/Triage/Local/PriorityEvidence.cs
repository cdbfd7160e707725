using TicketSense.Contracts;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// The priority rule of data/README.md, applied to what the classifier proposes: a ticket is <c>medium</c> unless it
/// shows evidence otherwise. <c>low</c> needs evidence that it can wait (no rush, a suggestion, praise), <c>high</c>
/// evidence of impact, urgency, risk or escalation, and <c>critical</c> evidence of an outage for many, data loss, a
/// security incident or a legal threat. The classifier weighs the words; this rule keeps it from answering a label the
/// ticket gives no evidence for, which is where it went wrong on other companies' tickets.
/// </summary>
public readonly record struct PriorityEvidence(bool CanWait, bool Impact, bool Urgent, bool Severe)
{
    private static readonly int[] CanWaitCues = TriageCues.Indexes("workaround", "request-new", "praise");
    private static readonly int[] ProblemCues = TriageCues.Indexes("outage", "error", "blocked", "complaint", "frustration", "hostility", "security", "data-loss", "safety");
    private static readonly int Thanks = TriageCues.Index("thanks");
    private static readonly int[] ImpactCues = TriageCues.Indexes(
        "blocked", "double-charge", "refund-overdue", "urgency", "churn", "outage", "complaint", "security", "data-loss", "legal-threat", "safety");
    private static readonly int[] UrgentCues = TriageCues.Indexes("blocked", "double-charge", "refund-overdue");
    private static readonly int[] SevereCues = TriageCues.Indexes("security", "data-loss", "legal-threat", "safety");
    private static readonly int Outage = TriageCues.Index("outage");
    private static readonly int WideImpact = TriageCues.Index("wide-impact");

    /// <summary>The evidence in a ticket's cue vector (<see cref="TriageCues.Of"/>, at any scale).</summary>
    public static PriorityEvidence Of(IReadOnlyList<float> cues) => new(
        // Thanks count as "can wait" only when nothing is wrong: most problem reports end with a thank-you.
        CanWait: CanWaitCues.Any(i => cues[i] > 0) || (cues[Thanks] > 0 && !ProblemCues.Any(i => cues[i] > 0)),
        Impact: ImpactCues.Any(i => cues[i] > 0),
        Urgent: UrgentCues.Any(i => cues[i] > 0),
        Severe: SevereCues.Any(i => cues[i] > 0) || (cues[Outage] > 0 && cues[WideImpact] > 0));

    /// <summary>The classifier's proposal where the evidence supports it, else the nearest label it does support.</summary>
    public Priority Decide(Priority proposed) => proposed switch
    {
        Priority.Low when !CanWait => Priority.Medium,
        Priority.Medium when Urgent => Priority.High,
        Priority.High when Severe => Priority.Critical,
        Priority.Critical when !Severe => Impact ? Priority.High : Priority.Medium,
        Priority.High when !Impact => Priority.Medium,
        _ => proposed,
    };
}
