namespace TicketSense.Contracts;

/// <summary>
/// How tickets are triaged: <c>Triage:Mode</c> in configuration (<c>auto</c> uses the LLMs when an API key is set,
/// else the local model) and, resolved to <c>llm</c> or <c>local</c>, <c>mode</c> in <c>GET /info</c>.
/// </summary>
public enum TriageMode
{
    Auto,
    Llm,
    Local,
}
