using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>
/// The confidence of an LLM's answer, which states none: the local model's second opinion. Each label scores
/// 0.5 + 0.5 × the probability the local model gives that same label — 1 when the local model is sure of it too, 0.5
/// when it finds it impossible. An LLM is the stronger model, so disagreement halves its confidence, never erases it;
/// the review queue then brings the labels the two models disagree on to a human first.
/// </summary>
public static class SecondOpinion
{
    public static TriageConfidence Of(TriageConfidence localAgreement) => new(
        Blend(localAgreement.Priority), Blend(localAgreement.Category), Blend(localAgreement.Sentiment));

    private static double Blend(double localProbability) => Math.Round(0.5 + 0.5 * Math.Clamp(localProbability, 0, 1), 4);
}
