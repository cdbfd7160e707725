using System.Diagnostics;

namespace TicketSense.Worker;

/// <summary>
/// The worker's activity source (ServiceDefaults subscribes to every <c>TicketSense.*</c> name): the seed import, each
/// claim query and each ticket's triage is a trace of its own, so the developer dashboard shows "backlog triage" with
/// its Postgres and Redis calls under it rather than a stream of parentless database spans.
/// </summary>
public static class WorkerTelemetry
{
    public static readonly ActivitySource Source = new("TicketSense.Worker");
}
