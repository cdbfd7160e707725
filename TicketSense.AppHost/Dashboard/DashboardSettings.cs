namespace TicketSense.AppHost.Dashboard;

/// <summary>
/// How much the developer dashboard keeps in memory (<c>AppHost:Dashboard:*</c>); nothing is persisted. Past a cap
/// the oldest item goes first.
/// </summary>
public sealed record DashboardSettings
{
    /// <summary>Spans kept across all traces (<c>AppHost:Dashboard:MaxSpans</c>).</summary>
    public int MaxSpans { get; init; } = 10_000;

    /// <summary>Structured log records kept across all resources (<c>AppHost:Dashboard:MaxLogs</c>).</summary>
    public int MaxLogs { get; init; } = 5_000;

    /// <summary>Console lines kept per resource (<c>AppHost:Dashboard:MaxConsoleLines</c>); the log files keep them all.</summary>
    public int MaxConsoleLines { get; init; } = 2_000;
}
