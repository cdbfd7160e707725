using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Alerts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Alerts;

/// <summary>
/// The Worker's dispatcher against real Postgres and a local receiver: a receiver down then up, a dispatcher stopped
/// mid-way, two dispatchers over one outbox. Each test has storage of its own, so no dispatcher sees another's rows.
/// </summary>
public sealed class WebhookDispatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static async Task<IReadOnlyList<Guid>> EnqueueAsync(StorageFixture storage, WebhookReceiver receiver, int count)
    {
        await using var scope = storage.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<AlertOutbox>();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            var body = JsonSerializer.Serialize(new AlertPayload(AlertEvent.Spike, id, null), TicketSenseJson.Options);
            Assert.True(await outbox.EnqueueAsync(AlertDispatcherHost.EndpointName(receiver), AlertEvent.Spike, id, body, null, null, CancellationToken.None));
            ids.Add(id);
        }
        return ids;
    }

    private static async Task<List<AlertDelivery>> DeliveriesAsync(StorageFixture storage)
    {
        await using var scope = storage.Scope();
        return await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().AlertDeliveries.AsNoTracking().ToListAsync();
    }

    private static async Task<bool> AllDeliveredAsync(StorageFixture storage) =>
        (await DeliveriesAsync(storage)).All(d => d.Status == AlertDeliveryStatus.Delivered);

    private static void AssertEachAcceptedOnce(WebhookReceiver receiver, IReadOnlyList<Guid> ids)
    {
        var accepted = receiver.Accepted.Select(r => r.DeliveryId).ToList();
        Assert.Equal(ids.Select(id => id.ToString()).Order(), accepted.Order());
    }

    [Fact]
    public async Task Deliveries_owed_while_the_receiver_is_down_then_failing_are_each_delivered_once_when_it_comes_back()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var receiver = new WebhookReceiver(); // not started: connections are refused
        var ids = await EnqueueAsync(storage, receiver, 5);

        using var dispatcher = await AlertDispatcherHost.StartAsync(storage, AlertDispatcherHost.Settings(receiver));
        await Poll.UntilAsync(async () => (await DeliveriesAsync(storage)).All(d => d.Attempts >= 2), Patience);
        var down = await DeliveriesAsync(storage);
        Assert.All(down, d => Assert.Equal((AlertDeliveryStatus.Pending, "network"), (d.Status, d.LastStatus)));

        receiver.StatusCode = 503;
        await receiver.StartAgainAsync();
        await Poll.UntilAsync(() => Task.FromResult(receiver.Received.Select(r => r.DeliveryId).Distinct().Count() == ids.Count), Patience);
        Assert.All(await DeliveriesAsync(storage), d => Assert.NotEqual(AlertDeliveryStatus.Delivered, d.Status));

        receiver.StatusCode = 200;
        await Poll.UntilAsync(() => AllDeliveredAsync(storage), Patience);
        await Task.Delay(TimeSpan.FromSeconds(1)); // polls after the last acknowledgement must send nothing more

        AssertEachAcceptedOnce(receiver, ids);
        Assert.All(await DeliveriesAsync(storage), d => Assert.Equal("200", d.LastStatus));
    }

    [Fact]
    public async Task A_dispatcher_stopped_mid_way_leaves_its_pending_deliveries_to_the_next_one()
    {
        const int concurrency = 2;
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(150);
        var ids = await EnqueueAsync(storage, receiver, 20);
        var settings = AlertDispatcherHost.Settings(receiver, concurrency);

        using (var doomed = await AlertDispatcherHost.StartAsync(storage, settings))
        {
            await Poll.UntilAsync(() => Task.FromResult(receiver.Received.Count >= 3), Patience);
        } // disposed mid-way: its open transactions roll back and their row locks die with their connections
        var left = (await DeliveriesAsync(storage)).Count(d => d.Status == AlertDeliveryStatus.Pending);
        Assert.True(left > 0, "The first dispatcher sent everything before it stopped: nothing was tested.");

        using var successor = await AlertDispatcherHost.StartAsync(storage, settings);
        await Poll.UntilAsync(() => AllDeliveredAsync(storage), Patience);

        var received = receiver.Accepted.Select(r => r.DeliveryId).ToList();
        Assert.Equal(ids.Select(id => id.ToString()).Order(), received.Distinct().Order());
        // Only a POST in flight when the first stopped (its acknowledgement lost) may arrive twice.
        Assert.InRange(received.Count, ids.Count, ids.Count + concurrency);
    }

    [Fact]
    public async Task Two_dispatchers_over_one_outbox_never_send_a_delivery_twice()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(20);
        var ids = await EnqueueAsync(storage, receiver, 60);
        var settings = AlertDispatcherHost.Settings(receiver, concurrency: 4);

        var dispatchers = await Task.WhenAll(AlertDispatcherHost.StartAsync(storage, settings), AlertDispatcherHost.StartAsync(storage, settings));
        try
        {
            await Poll.UntilAsync(() => AllDeliveredAsync(storage), Patience);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            foreach (var dispatcher in dispatchers) dispatcher.Dispose();
        }

        AssertEachAcceptedOnce(receiver, ids);
        Assert.Equal(ids.Count, receiver.Received.Count);
    }

    [Fact]
    public async Task A_delivery_never_acknowledged_is_marked_failed_once_it_is_older_than_GiveUpAfter()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 500;
        var settings = new Dictionary<string, string?>(AlertDispatcherHost.Settings(receiver)) { ["Alerts:GiveUpAfter"] = "00:00:02" };
        using var dispatcher = await AlertDispatcherHost.StartAsync(storage, settings);

        var ids = await EnqueueAsync(storage, receiver, 1);
        await Poll.UntilAsync(async () => (await DeliveriesAsync(storage)).Single().Status == AlertDeliveryStatus.Failed, Patience);
        var attempts = (await DeliveriesAsync(storage)).Single().Attempts;
        await Task.Delay(TimeSpan.FromSeconds(1));

        var failed = (await DeliveriesAsync(storage)).Single();
        Assert.Equal((ids[0], "500"), (failed.DeliveryId, failed.LastStatus));
        Assert.True(attempts >= 2, $"Given up after {attempts} attempt(s): the backoff did not retry.");
        Assert.Equal(attempts, failed.Attempts); // a failed delivery is not tried again
        Assert.Empty(receiver.Accepted);
    }
}
