namespace TicketSense.Worker;

/// <summary>The <c>Worker</c> configuration section: parallel triages, the backlog sweep interval and the claim lease; checked by <see cref="WorkerOptionsValidator"/>.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    public int Concurrency { get; set; } = 4;

    public int SweepSeconds { get; set; } = 30;

    public int LeaseSeconds { get; set; } = 300;
}
