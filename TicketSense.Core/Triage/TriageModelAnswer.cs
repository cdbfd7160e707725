using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>
/// A valid triage and who gave it: the tier, the model's name, the LLM HTTP attempts it took, the version of what
/// produced it (the prompt for an LLM, the model itself for the local one), and how sure it is of each label.
/// </summary>
public sealed record TriageModelAnswer(
    TriageOutput Output, TriageSource Source, string Model, int Attempts, string PromptVersion, TriageConfidence Confidence);
