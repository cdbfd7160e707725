using Microsoft.Extensions.Logging;
using OpenTelemetry;
using TicketSense.Core.Data;

namespace TicketSense.Core.Learning;

/// <summary>
/// The loop both model pollers run (the version sync in every replica, the Worker's trainer): once the database is
/// migrated, <paramref name="poll"/> at once and then every <c>Triage:ModelPollSeconds</c>, until the host stops.
/// </summary>
public static class ModelPoll
{
    public static async Task RunAsync(DatabaseState database, TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> poll,
        ILogger logger, string failure, CancellationToken stoppingToken)
    {
        await database.WaitUntilMigratedAsync(stoppingToken);
        using var timer = new PeriodicTimer(interval, time);
        var failing = false;
        do
        {
            try
            {
                // A poll every 2 s in every replica would bury the developers' traces in the Aspire dashboard: not traced.
                using (SuppressInstrumentationScope.Begin()) await poll(stoppingToken);
                failing = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A background loop: whatever failed (Postgres down, an unreadable version) is tried again at the next
                // poll, and must never stop the host. Said once per outage.
                if (!failing) logger.LogWarning(ex, "{Failure}", failure);
                failing = true;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
