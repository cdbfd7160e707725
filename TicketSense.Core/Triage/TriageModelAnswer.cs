using TicketSense.Core.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>A valid triage and who gave it: the tier, the model's name and the LLM HTTP attempts it took.</summary>
public sealed record TriageModelAnswer(TriageOutput Output, TriageSource Source, string Model, int Attempts);
