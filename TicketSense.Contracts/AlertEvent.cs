namespace TicketSense.Contracts;

/// <summary>Why a webhook delivery was sent: a ticket's first triage, a human correction, or a volume spike.</summary>
public enum AlertEvent
{
    Triaged,
    Corrected,
    Spike,
}
