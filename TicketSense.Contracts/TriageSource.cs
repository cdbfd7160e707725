namespace TicketSense.Contracts;

/// <summary>Which tier of the triage pipeline answered. On the wire: <c>primary</c>, <c>fallback</c>, <c>local</c>.</summary>
public enum TriageSource
{
    Primary,
    Fallback,
    Local,
}
