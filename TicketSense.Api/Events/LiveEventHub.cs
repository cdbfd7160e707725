using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Overview;

namespace TicketSense.Api.Events;

/// <summary>
/// Fans live events out to every connected <c>/events</c> client: a <c>triaged</c> event for each id on
/// <c>triage:events</c> (from any Api or Worker), an <c>overview</c> event after each refresh. Each client has a
/// small bounded queue of its own, so one slow browser never holds up the others or grows memory.
/// </summary>
public sealed class LiveEventHub(
    RedisSubscription subscription,
    OverviewRefresher refresher,
    IServiceScopeFactory scopes,
    ILogger<LiveEventHub> logger) : BackgroundService
{
    private const int QueueCapacity = 256;
    private readonly ConcurrentDictionary<Guid, Channel<LiveEvent>> _clients = new();

    public int ClientCount => _clients.Count;

    /// <summary>A queue of events for one client; dispose it when the client goes away.</summary>
    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        var queue = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _clients[id] = queue;
        return new Subscription(queue.Reader, () => _clients.TryRemove(id, out _));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        refresher.Refreshed += OnOverviewRefreshed;
        stoppingToken.Register(() => refresher.Refreshed -= OnOverviewRefreshed);
        var events = await subscription.SubscribeAsync(RedisKeys.TriageEvents, stoppingToken);
        events.OnMessage(message => PublishTriagedAsync(message.Message.ToString(), stoppingToken));
    }

    private void OnOverviewRefreshed(OverviewResponse overview) =>
        Broadcast(new LiveEvent("overview", JsonSerializer.Serialize(overview, TicketSenseJson.Options)));

    private async Task PublishTriagedAsync(string ticketId, CancellationToken cancellationToken)
    {
        if (_clients.IsEmpty) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var ticket = await scope.ServiceProvider.GetRequiredService<TicketRepository>().GetAsync(ticketId, cancellationToken);
            if (ticket is null) return;
            Broadcast(new LiveEvent("triaged", JsonSerializer.Serialize(ticket.ToResponse(), TicketSenseJson.Options)));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not publish the triage of ticket {TicketId} to live clients", ticketId);
        }
    }

    private void Broadcast(LiveEvent liveEvent)
    {
        foreach (var queue in _clients.Values) queue.Writer.TryWrite(liveEvent);
    }

    public sealed class Subscription(ChannelReader<LiveEvent> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<LiveEvent> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
