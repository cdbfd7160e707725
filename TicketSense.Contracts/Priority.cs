namespace TicketSense.Contracts;

/// <summary>How urgently a ticket needs a human. On the wire: <c>low</c>, <c>medium</c>, <c>high</c>, <c>critical</c>.</summary>
public enum Priority
{
    Low,
    Medium,
    High,
    Critical,
}
