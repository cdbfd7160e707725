using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Overview;

/// <summary>
/// Keeps <c>triage:overview</c> fresh: every id on <c>triage:events</c> marks it stale, and it is recomputed at most
/// twice a second however many tickets are triaged meanwhile, so every replica serves the overview of the last triage
/// within a second of it (half a second of waiting at most, plus the refresh itself). One implementation for the Api and the Worker;
/// <see cref="Refreshed"/> tells in-process listeners (the Api's live events) about each new overview.
/// </summary>
public sealed class OverviewRefresher(
    RedisSubscription subscription,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<OverviewRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);

    private readonly Channel<bool> _stale = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Raised after each refresh with the overview just stored.</summary>
    public event Action<OverviewResponse>? Refreshed;

    /// <summary>Marks the overview stale; the refresh follows within <see cref="MinInterval"/>.</summary>
    public void MarkStale() => _stale.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var events = await subscription.SubscribeAsync(RedisKeys.TriageEvents, stoppingToken);
        events.OnMessage(_ => MarkStale());
        var last = DateTimeOffset.MinValue;
        while (await _stale.Reader.WaitToReadAsync(stoppingToken))
        {
            var wait = last + MinInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken);
            while (_stale.Reader.TryRead(out _)) { } // everything up to now is covered by this refresh
            last = time.GetUtcNow();
            await RefreshAsync(stoppingToken);
        }
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var overview = await scope.ServiceProvider.GetRequiredService<OverviewService>().RefreshAsync(stoppingToken);
            Refreshed?.Invoke(overview);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Overview refresh failed; the next triage event retries it");
        }
    }
}
