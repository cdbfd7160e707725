namespace TicketSense.AppHost.Hosting;

/// <summary>Where a resource is in its life, as the resource table shows it.</summary>
public enum ResourceState
{
    Waiting,
    Starting,
    Running,
    Ready,
    Exited,
    Failed,
    Stopped,
}
