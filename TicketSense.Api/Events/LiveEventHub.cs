using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Overview;

namespace TicketSense.Api.Events;

/// <summary>
/// Fans live events out to every connected <c>/events</c> client: a <c>triaged</c> event for each id on
/// <c>triage:events</c> (from any Api or Worker), an <c>overview</c> event after each refresh, and a <c>heartbeat</c>
/// of its own to each client. A triage recorded in this process is sent as this process has it, at once; one from
/// another process is read from Postgres. Each client has a small bounded queue of its own, so one slow browser never holds up the
/// others or grows memory.
/// </summary>
public sealed class LiveEventHub(
    RedisSubscription subscription,
    TriageEvents triageEvents,
    OverviewRefresher refresher,
    IServiceScopeFactory scopes,
    IOptions<ApiOptions> options,
    TimeProvider time,
    ILogger<LiveEventHub> logger) : BackgroundService
{
    private const int QueueCapacity = 256;
    private static readonly TimeSpan SentHereMemory = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, Channel<SseItem<string>>> _clients = new();

    // Tickets this process triaged and sent already: their id, when it comes back on the channel, is not read again.
    private readonly ConcurrentDictionary<string, long> _sentHere = new();

    public int ClientCount => _clients.Count;

    /// <summary>
    /// One client's events until it leaves (<paramref name="cancellationToken"/>): <see cref="LiveEvents.Hello"/> at
    /// once, then each event as it happens and a heartbeat every <c>Api:HeartbeatSeconds</c>.
    /// </summary>
    public async IAsyncEnumerable<SseItem<string>> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<SseItem<string>>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        queue.Writer.TryWrite(LiveEvents.Hello);
        var interval = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        using var heartbeat = time.CreateTimer(_ => queue.Writer.TryWrite(LiveEvents.Heartbeat), null, interval, interval);
        var id = Guid.NewGuid();
        _clients[id] = queue;
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(cancellationToken)) yield return item;
        }
        finally
        {
            // The client leaving (the request aborted) ends the enumeration, so no queue outlives its client.
            _clients.TryRemove(id, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        refresher.Refreshed += OnOverviewRefreshed;
        triageEvents.TriagedHere += OnTriagedHere;
        stoppingToken.Register(() =>
        {
            refresher.Refreshed -= OnOverviewRefreshed;
            triageEvents.TriagedHere -= OnTriagedHere;
        });
        var events = await subscription.SubscribeAsync(RedisKeys.TriageEvents, stoppingToken);
        events.OnMessage(message => PublishTriagedAsync(message.Message.ToString(), stoppingToken));
    }

    private void OnOverviewRefreshed(OverviewResponse overview) => Broadcast(LiveEvents.Overview(overview));

    private void OnTriagedHere(TicketResponse ticket)
    {
        if (_clients.IsEmpty) return;
        var now = time.GetTimestamp();
        foreach (var (id, sentAt) in _sentHere)
        {
            // An id whose echo never came (Redis down while publishing) is forgotten after a minute.
            if (time.GetElapsedTime(sentAt, now) > SentHereMemory) _sentHere.TryRemove(id, out _);
        }
        _sentHere[ticket.Id] = now;
        Broadcast(LiveEvents.Triaged(ticket));
    }

    /// <summary>
    /// A triage announced on the channel: skipped when this process sent it already, else read from Postgres (the
    /// Redis cache holds only the labels, not the ticket or its triage_meta).
    /// </summary>
    private async Task PublishTriagedAsync(string ticketId, CancellationToken cancellationToken)
    {
        if (_sentHere.TryRemove(ticketId, out _) || _clients.IsEmpty) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var ticket = await scope.ServiceProvider.GetRequiredService<TicketRepository>().GetAsync(ticketId, cancellationToken);
            if (ticket is null) return;
            Broadcast(LiveEvents.Triaged(ticket.ToResponse()));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not publish the triage of ticket {TicketId} to live clients", ticketId);
        }
    }

    private void Broadcast(SseItem<string> liveEvent)
    {
        foreach (var queue in _clients.Values) queue.Writer.TryWrite(liveEvent);
    }
}
