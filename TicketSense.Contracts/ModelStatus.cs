namespace TicketSense.Contracts;

/// <summary>Whether the local model is only serving (<c>ready</c>) or a training of its next version is asked for or running (<c>training</c>).</summary>
public enum ModelStatus
{
    Ready,
    Training,
}
