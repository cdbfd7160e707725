using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage.Local;
using TicketSense.Testing.FakeLlm;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Alerts;

/// <summary>
/// Incident spikes end to end: tickets posted through the Api, labelled by the LLM double (all <c>technical</c>, all
/// tagged <c>login-failure</c>), real Postgres, the Worker's dispatcher and a local receiver.
/// </summary>
public sealed class SpikeAlertTests
{
    private const string Model = "spike-model";

    private static readonly TriageOutput LoginOutage = new(
        Priority.High, Category.Technical, Sentiment.Negative,
        "The customer cannot sign in since this morning and asks for a fix.", ["login-failure", "sso"]);

    [Fact]
    public async Task Twelve_similar_tickets_posted_at_once_raise_one_spike_and_one_signed_spike_alert()
    {
        await using var system = await SpikeSystem.StartAsync();
        var (client, receiver) = (system.Client, system.Receiver);
        using var dispatcher = await AlertDispatcherHost.StartAsync(system.Storage, system.Settings);

        var now = PostgresTime.Round(DateTimeOffset.UtcNow); // timestamptz keeps microseconds
        await PostAsync(client, Enumerable.Range(1, 8).Select(i => ("early-" + i, now.AddMinutes(-10).AddSeconds(i))));
        Assert.Empty((await SpikesAsync(client, activeOnly: false)).Items);

        // The ninth to the twelfth at once: whichever commits the tenth raises it, the others extend it.
        await PostAsync(client, Enumerable.Range(1, 4).Select(i => ("burst-" + i, now.AddSeconds(-i))), concurrently: true);

        var spike = Assert.Single((await SpikesAsync(client, activeOnly: true)).Items);
        Assert.Equal((Category.Technical, "login-failure", 12, true), (spike.Category, spike.Tag, spike.TicketCount, spike.Active));
        Assert.Equal(now.AddMinutes(-10).AddSeconds(1), spike.FirstReceivedAt);

        await Poll.UntilAsync(() => Task.FromResult(!receiver.Received.IsEmpty), TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1)); // several polls: nothing more may come
        var alert = Assert.Single(receiver.Received);
        Assert.True(alert.SignatureVerifies(AlertDispatcherHost.Secret, out _), "The spike alert's signature does not verify.");
        Assert.Equal("spike", alert.Json.GetProperty("event").GetString());
        var sent = alert.Json.GetProperty("spike");
        Assert.Equal(spike.Id, sent.GetProperty("id").GetInt64());
        Assert.Equal("login-failure", sent.GetProperty("tag").GetString());
        Assert.Equal(10, sent.GetProperty("ticket_count").GetInt32());
        Assert.Equal("technical", alert.Json.GetProperty("ticket").GetProperty("category").GetString());

        var dashboard = await DashboardAsync(client);
        Assert.Contains($"id=\"spike-{spike.Id}\"", dashboard);
        Assert.Contains("<code>login-failure</code>", dashboard);
    }

    [Fact]
    public async Task Tickets_triaged_newest_first_still_raise_the_spike()
    {
        await using var system = await SpikeSystem.StartAsync(("Alerts:Spike:Threshold", "3"));
        var client = system.Client;

        // Each ticket arrived before the one triaged before it: the window lies after the ticket that completes it.
        var now = PostgresTime.Round(DateTimeOffset.UtcNow);
        await PostAsync(client, Enumerable.Range(1, 3).Select(i => ("late-" + i, now.AddMinutes(-i))));

        var spike = Assert.Single((await SpikesAsync(client, activeOnly: false)).Items);
        Assert.Equal((3, now.AddMinutes(-3), now.AddMinutes(-1)), (spike.TicketCount, spike.FirstReceivedAt, spike.LastReceivedAt));
    }

    [Fact]
    public async Task A_spike_whose_last_ticket_is_older_than_the_window_is_listed_as_calm_and_no_banner_shows_it()
    {
        await using var system = await SpikeSystem.StartAsync(("Alerts:Spike:Threshold", "3"));
        var client = system.Client;

        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        await PostAsync(client, Enumerable.Range(1, 3).Select(i => ("old-" + i, hourAgo.AddMinutes(i))));

        var spike = Assert.Single((await SpikesAsync(client, activeOnly: false)).Items);
        Assert.Equal((3, false), (spike.TicketCount, spike.Active));
        Assert.Empty((await SpikesAsync(client, activeOnly: true)).Items);
        Assert.DoesNotContain("Incident spike", await DashboardAsync(client));
    }

    [Fact]
    public async Task Tickets_of_another_category_or_without_the_shared_tag_raise_no_spike()
    {
        await using var system = await SpikeSystem.StartAsync(("Alerts:Spike:Threshold", "3"), ("Alerts:Spike:Categories:0", "technical"));
        var (client, llm) = (system.Client, system.Llm);
        var now = DateTimeOffset.UtcNow;

        // Three billing tickets sharing a tag: billing is not watched. Three technical ones with three different tags.
        llm.SetDefault(Model, LlmReply.Valid(LoginOutage with { Category = Category.Billing, Tags = ["double-charge", "refund"] }));
        await PostAsync(client, Enumerable.Range(1, 3).Select(i => ("billing-" + i, now.AddSeconds(-i))));
        foreach (var tag in new[] { "vpn-drop", "api-timeout", "slow-search" })
        {
            llm.SetDefault(Model, LlmReply.Valid(LoginOutage with { Tags = [tag, "intermittent-" + tag] }));
            await PostAsync(client, [("tech-" + tag, now.AddSeconds(-5))]);
        }

        Assert.Empty((await SpikesAsync(client, activeOnly: false)).Items);
    }

    /// <summary>
    /// Real Postgres, a local receiver, the LLM double answering <see cref="LoginOutage"/> and an Api on Kestrel (the
    /// dashboard's banner test reaches it over HTTP), with the webhook and LLM settings plus a test's own.
    /// </summary>
    private sealed class SpikeSystem : IAsyncDisposable
    {
        public required StorageFixture Storage { get; init; }
        public required WebhookReceiver Receiver { get; init; }
        public required FakeLlmServer Llm { get; init; }
        public required Dictionary<string, string?> Settings { get; init; }
        public required ApiFactory Api { get; init; }
        public required HttpClient Client { get; init; }

        public static async Task<SpikeSystem> StartAsync(params (string Key, string Value)[] extra)
        {
            var storage = new StorageFixture();
            await storage.InitializeAsync();
            var receiver = await WebhookReceiver.StartAsync();
            var llm = await FakeLlmServer.StartAsync();
            llm.SetDefault(Model, LlmReply.Valid(LoginOutage));
            var settings = new Dictionary<string, string?>(AlertDispatcherHost.Settings(receiver))
            {
                ["Triage:Mode"] = "llm",
                ["Triage:ApiKey"] = "sk-test-spike",
                ["Triage:Endpoint"] = llm.BaseUrl.ToString(),
                ["Triage:PrimaryModel"] = Model,
                ["Triage:FallbackModel"] = Model,
            };
            foreach (var (key, value) in extra) settings[key] = value;
            var api = new ApiFactory(storage, settings);
            api.UseKestrel(0);
            api.StartServer();
            var client = api.CreateClient();
            await api.WaitUntilMigratedAsync();
            await api.Services.GetRequiredService<LocalTriageModelProvider>().GetAsync(CancellationToken.None);
            return new SpikeSystem { Storage = storage, Receiver = receiver, Llm = llm, Settings = settings, Api = api, Client = client };
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Api.DisposeAsync();
            await Llm.DisposeAsync();
            await Receiver.DisposeAsync();
            await Storage.DisposeAsync();
        }
    }

    private static async Task PostAsync(HttpClient client, IEnumerable<(string Id, DateTimeOffset ReceivedAt)> tickets, bool concurrently = false)
    {
        async Task PostOneAsync((string Id, DateTimeOffset ReceivedAt) ticket)
        {
            using var response = await client.PostAsJsonAsync("/tickets", new
            {
                id = ticket.Id,
                sender = "it-desk@northwind-freight.example",
                subject = "Cannot sign in",
                body = "Since 8:00 every sign-in ends on an SSO error page; the whole team is locked out.",
                received_at = ticket.ReceivedAt.ToString("O"),
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        if (concurrently) await Task.WhenAll(tickets.Select(PostOneAsync));
        else foreach (var ticket in tickets) await PostOneAsync(ticket);
    }

    /// <summary>The dashboard's overview page, rendered by the Web against this Api.</summary>
    private static async Task<string> DashboardAsync(HttpClient api)
    {
        await using var web = new WebApplicationFactory<TicketSense.Web.WebAssembly>()
            .WithWebHostBuilder(builder => builder.UseSetting("Services:api:http:0", api.BaseAddress!.GetLeftPart(UriPartial.Authority)));
        using var browser = web.CreateClient();
        return await browser.GetStringAsync("/");
    }

    private static async Task<SpikeList> SpikesAsync(HttpClient client, bool activeOnly) =>
        (await client.GetFromJsonAsync<SpikeList>(activeOnly ? "/alerts/spikes?active=true" : "/alerts/spikes", TicketSenseJson.Options))!;
}
