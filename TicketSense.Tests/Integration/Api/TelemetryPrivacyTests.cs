using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;
using TicketSense.Testing.FakeLlm;

namespace TicketSense.Tests.Integration.Api;

/// <summary>
/// No customer text in logs or traces: a ticket posted, corrected and read, in local mode and against the LLM double,
/// with every log entry at Trace level and every span of every activity source recorded; neither its sender, subject
/// nor body appears in any message, state or scope value, span name, tag or event.
/// </summary>
public sealed class TelemetryPrivacyTests
{
    private const string Sender = "quillon.marsh7731@zephyrine-mail.example";
    private const string Subject = "Xylocarp ledger shows the Brontide invoice twice";
    private const string Body = "Our xylocarp ledger lists Brontide invoice B-7731 twice since Tuesday; please merge the duplicate entries.";

    /// <summary>The whole texts, and words of them no other text of the system would hold, so a fragment is caught too.</summary>
    private static readonly string[] CustomerText = [Sender, "quillon", "zephyrine", Subject, Body, "xylocarp", "brontide"];

    [Fact]
    public Task In_local_mode_no_customer_text_reaches_logs_or_spans() =>
        AssertNoCustomerTextAsync("privacy-local", new Dictionary<string, string?>());

    [Fact]
    public async Task In_llm_mode_no_customer_text_reaches_logs_or_spans()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        await AssertNoCustomerTextAsync("privacy-llm", new Dictionary<string, string?>
        {
            ["Triage:Mode"] = "llm",
            ["Triage:ApiKey"] = "sk-test-privacy",
            ["Triage:Endpoint"] = llm.BaseUrl.ToString(),
            ["Triage:PrimaryModel"] = "primary-model",
            ["Triage:FallbackModel"] = "fallback-model",
        });
        Assert.Contains(llm.Requests, request => request.Model == "primary-model");
    }

    private static async Task AssertNoCustomerTextAsync(string ticketId, Dictionary<string, string?> settings)
    {
        var spans = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => spans.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(listener);
        var logs = new RecordingLoggerProvider();
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var api = new ApiFactory(storage, settings);
        await using var recorded = api.WithWebHostBuilder(web => web.ConfigureLogging(logging => logging
            .AddProvider(logs)
            .AddFilter<RecordingLoggerProvider>(null, LogLevel.Trace)));
        using var client = recorded.CreateClient();
        await recorded.Services.GetRequiredService<DatabaseState>().WaitUntilMigratedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var posted = await client.PostAsJsonAsync("/tickets", new { id = ticketId, sender = Sender, subject = Subject, body = Body, received_at = "2026-03-04T09:15:00Z" });
        var corrected = await client.PatchAsJsonAsync($"/tickets/{ticketId}/triage", new { priority = "low", reviewer = "Dana" });
        var read = await client.GetAsync($"/tickets/{ticketId}");
        // The Redis instrumentation turns profiled commands into spans on a timer, and on shutdown: stop the Api.
        await recorded.DisposeAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK), (posted.StatusCode, corrected.StatusCode, read.StatusCode));
        Assert.Contains(Body, await read.Content.ReadAsStringAsync()); // the API itself still answers with the content
        Assert.NotEmpty(logs.Entries);
        Assert.Contains(spans, span => span.Contains(ticketId, StringComparison.Ordinal));
        var leaks = logs.Entries.SelectMany(entry => entry.Texts.Select(text => $"log {entry.Category}: {text}"))
            .Concat(spans.Select(span => $"span {span}"))
            .Where(text => CustomerText.Any(customer => text.Contains(customer, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log entries or spans carry customer text:\n{string.Join("\n", leaks.Take(10))}");
    }

    /// <summary>Everything a span exports but its timing: names, tags, status, events with their tags, links' tags, baggage.</summary>
    private static string Describe(Activity activity) => string.Join(" | ",
        [
            activity.Source.Name, activity.OperationName, activity.DisplayName, activity.StatusDescription ?? "",
            .. activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"),
            .. activity.Events.SelectMany(e => new[] { e.Name }.Concat(e.Tags.Select(tag => $"{tag.Key}={tag.Value}"))),
            .. activity.Links.SelectMany(link => link.Tags?.Select(tag => $"{tag.Key}={tag.Value}") ?? []),
            .. activity.Baggage.Select(item => $"{item.Key}={item.Value}"),
        ]);
}
