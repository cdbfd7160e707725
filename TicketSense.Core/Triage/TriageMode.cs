namespace TicketSense.Core.Triage;

/// <summary><c>Triage:Mode</c>: <c>auto</c> uses the LLMs when an API key is set, else the local model.</summary>
public enum TriageMode
{
    Auto,
    Llm,
    Local,
}
