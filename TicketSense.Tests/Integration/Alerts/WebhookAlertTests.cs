using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Tickets;
using TicketSense.Core.Triage.Local;
using TicketSense.Testing.FakeLlm;
using TicketSense.Tests.Infrastructure;
using TicketSense.Worker.Backlog;
using TicketSense.Worker.Commands;

namespace TicketSense.Tests.Integration.Alerts;

/// <summary>
/// Which triage changes raise a webhook alert, end to end: a ticket posted through the Api and triaged, a seed import
/// and its backlog triage, a human correction. Real Postgres, a local receiver, the Worker's dispatcher.
/// </summary>
public sealed class WebhookAlertTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly object AngryTicket = new
    {
        id = "angry-1",
        sender = "rafael.fontaine@bluewave-marine.com",
        subject = "NOTHING LOADS - Something went wrong on every page for all 28 of us", // as in the README's example
        body = "DASHBOARD, INVOICES, CUSTOMERS: ALL \"Something went wrong\" FOR 2 HOURS. ALL 28 USERS, EVERY BROWSER. " +
               "FOUR VESSELS SAILED THIS MORNING AND NOTHING IS INVOICED. THIS IS UNACCEPTABLE. FIX IT NOW.",
        received_at = "2026-06-29T12:55:00+02:00", // sent as 10:55 Z
    };

    private static async Task<List<AlertDelivery>> DeliveriesAsync(StorageFixture storage)
    {
        await using var scope = storage.Scope();
        return await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().AlertDeliveries.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task An_angry_ticket_posted_through_the_api_is_delivered_once_signed_with_its_delivery_id_as_idempotency_key()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = AlertDispatcherHost.Settings(receiver);
        await using var api = new ApiFactory(storage, settings);
        using var client = api.CreateClient();
        await api.WaitUntilMigratedAsync();
        await api.Services.GetRequiredService<LocalTriageModelProvider>().GetAsync(CancellationToken.None);
        using var dispatcher = await AlertDispatcherHost.StartAsync(storage, settings);

        var clock = Stopwatch.StartNew();
        var posted = await client.PostAsJsonAsync("/tickets", AngryTicket);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var ticket = (await posted.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
        Assert.True(ticket.Triage is { Sentiment: Sentiment.Angry } or { Priority: Priority.Critical },
            $"The local model triaged the angry ticket as {ticket.Triage?.Priority}/{ticket.Triage?.Sentiment}: it matches no default rule.");
        await Poll.UntilAsync(() => Task.FromResult(!receiver.Received.IsEmpty), Patience);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The first attempt came {clock.Elapsed.TotalSeconds:F1} s after the post.");

        // A correction to labels that still match, and one away and back, raise nothing more: never twice per ticket and endpoint.
        foreach (var correction in new object[]
                 {
                     new { priority = "critical", sentiment = "angry", reviewer = "Dana" },
                     new { priority = "low", sentiment = "neutral", reviewer = "Dana" },
                     new { priority = "critical", sentiment = "angry", reviewer = "Dana" },
                 })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync("/tickets/angry-1/triage", correction)).StatusCode);
        }
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several polls

        var delivery = Assert.Single(receiver.Received);
        Assert.True(delivery.SignatureVerifies(AlertDispatcherHost.Secret, out var signedAt), "The signature does not verify.");
        Assert.InRange(signedAt, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(delivery.DeliveryId, delivery.Headers["Idempotency-Key"]);
        Assert.Equal("application/json", delivery.Headers["Content-Type"]);
        var json = delivery.Json;
        Assert.Equal("triaged", json.GetProperty("event").GetString());
        var sent = json.GetProperty("ticket");
        Assert.Equal("angry-1", sent.GetProperty("id").GetString());
        Assert.Equal(WireNames.Of(ticket.Triage!.Priority), sent.GetProperty("priority").GetString());
        Assert.Equal(WireNames.Of(ticket.Triage.Sentiment), sent.GetProperty("sentiment").GetString());
        Assert.Equal(ticket.Triage.Summary, sent.GetProperty("summary").GetString());
        Assert.Equal(ticket.Triage.Tags, sent.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal(ticket.TriageMeta!.Confidence!.Priority, sent.GetProperty("confidence").GetProperty("priority").GetDouble());
        Assert.Equal("2026-06-29T10:55:00Z", sent.GetProperty("received_at").GetString());
        foreach (var content in new[] { "sender", "subject", "body" }) Assert.False(sent.TryGetProperty(content, out _), $"{content} sent without IncludeContent.");

        var row = Assert.Single(await DeliveriesAsync(storage));
        Assert.Equal(Guid.Parse(delivery.DeliveryId), row.DeliveryId);
        Assert.Equal((AlertDeliveryStatus.Delivered, 1, "200"), (row.Status, row.Attempts, row.LastStatus));

        var listing = await client.GetAsync("/alerts/deliveries");
        var text = await listing.Content.ReadAsStringAsync();
        Assert.DoesNotContain("query-secret", text);
        Assert.DoesNotContain(AlertDispatcherHost.Secret, text);
        var list = (await listing.Content.ReadFromJsonAsync<AlertDeliveryList>(TicketSenseJson.Options))!;
        var item = Assert.Single(list.Items);
        Assert.Equal(new AlertDeliveryItem(row.DeliveryId, AlertDispatcherHost.EndpointName(receiver), "angry-1", AlertEvent.Triaged,
            AlertDeliveryStatus.Delivered, 1, row.LastAttemptAt, "200"), item);
        Assert.Equal(new AlertDeliveryCounts(0, 1, 0), list.Counts);
    }

    [Fact]
    public async Task A_seed_import_and_its_triage_raise_no_alert_and_a_correction_that_newly_matches_raises_one()
    {
        const string model = "primary-model";
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var receiver = new WebhookReceiver();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.SetDefault(model, LlmReply.Valid()); // high / billing / negative: every ticket matches the rule below
        var settings = new Dictionary<string, string?>(AlertDispatcherHost.Settings(receiver))
        {
            ["ConnectionStrings:tickets"] = storage.TicketsConnectionString,
            ["ConnectionStrings:cache"] = storage.CacheConnectionString,
            ["Triage:Mode"] = "llm",
            ["Triage:ApiKey"] = "sk-test-alerts",
            ["Triage:Endpoint"] = llm.BaseUrl.ToString(),
            ["Triage:PrimaryModel"] = model,
            ["Triage:FallbackModel"] = "fallback-model",
            ["Alerts:Webhooks:0:Priorities:0"] = "high",
        };
        using var worker = CommandHost.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")]);

        await using (var scope = worker.Services.CreateAsyncScope())
        {
            var seed = await scope.ServiceProvider.GetRequiredService<SeedImporter>()
                .ImportAsync(Path.Combine(DataPath.Resolve(null), "batch_1.json"), null, CancellationToken.None);
            Assert.True(seed.Loaded > 0);
        }
        var triaged = await worker.Services.GetRequiredService<BacklogTriager>().DrainAsync(null, CancellationToken.None);
        Assert.True(triaged.Triaged > 0, "The backlog triaged nothing: nothing was tested.");
        Assert.Empty(await DeliveriesAsync(storage));

        // Away from the rule (nothing), back to it (one "corrected"), away and back again (nothing more).
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            var corrections = ActivatorUtilities.CreateInstance<TriageCorrections>(scope.ServiceProvider);
            foreach (var priority in new[] { "low", "high", "low", "high" })
            {
                var outcome = await corrections.CorrectAsync("TKT-0001",
                    new TriageCorrectionRequest(priority, null, null, null, null, "Dana", null), CancellationToken.None);
                Assert.IsType<CorrectionOutcome.Corrected>(outcome);
            }
        }

        var delivery = Assert.Single(await DeliveriesAsync(storage));
        Assert.Equal((AlertEvent.Corrected, "TKT-0001", AlertDeliveryStatus.Pending), (delivery.Event, delivery.TicketId, delivery.Status));
        Assert.Equal(AlertDispatcherHost.EndpointName(receiver), delivery.Endpoint);
    }
}
