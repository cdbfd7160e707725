using Microsoft.Extensions.Options;
using OpenTelemetry;
using TicketSense.Core.Alerts;
using TicketSense.Core.Data;
using TicketSense.Core.Learning;

namespace TicketSense.Worker.Alerts;

/// <summary>
/// The Worker's webhook dispatcher: every <c>Alerts:PollInterval</c> (1 s), once the database is migrated, sends the
/// due deliveries. An idle poll is not traced; a poll that sends is (one span per POST).
/// </summary>
public sealed class AlertDispatchService(
    AlertDispatcher dispatcher,
    DatabaseState database,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertDispatchService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ModelPoll.RunAsync(database, options.Value.PollInterval, time, DispatchAsync, logger,
            "Cannot send webhook deliveries; they stay in the outbox and are sent once Postgres answers again.", stoppingToken);

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        if (!await dispatcher.AnyDueAsync(cancellationToken)) return;
        // The poll runs untraced; the sends are what a developer looks for.
        using (SuppressInstrumentationScope.Begin(false))
        {
            await dispatcher.DispatchDueAsync(cancellationToken);
        }
    }
}
