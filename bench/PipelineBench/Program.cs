using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketSense.Bench;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;
using TicketSense.Testing.FakeLlm;

// Issue 5: the IChatClient pipeline (TriageModels → ModelFallbackChatClient → OpenTelemetry → logging → OpenAI SDK →
// resilience handler → HttpClient) against the LLM double on loopback. First its cost per ticket with a zero-latency
// double, beside a bare HttpClient POST of the same request body; then tickets per second at concurrency 1, 4 and 16
// with the double answering after 200 ms, against the ideal (concurrency ÷ 0.2 s).
const string Primary = "bench-primary";
const string Fallback = "bench-fallback";
const int WarmUp = 300, Calls = 3000;
var delay = TimeSpan.FromMilliseconds(200);

Measure.Header("PipelineBench");
var tickets = TicketDataset.LoadSeed(DataPath.Resolve(null)).Tickets;
await using var llm = await FakeLlmServer.StartAsync();

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Triage:Mode"] = "llm",
    ["Triage:Endpoint"] = llm.BaseUrl.ToString(),
    ["Triage:ApiKey"] = "sk-bench",
    ["Triage:PrimaryModel"] = Primary,
    ["Triage:FallbackModel"] = Fallback,
});
builder.AddServiceDefaults(); // as the Api and the Worker run it: tracing and metrics listeners on, no exporter
builder.AddTicketSenseTriage();
using var host = builder.Build();
await host.StartAsync();
var models = host.Services.GetRequiredService<TriageModels>();

async Task<bool> AskAsync(int i) =>
    (await models.AskAsync(tickets[i % tickets.Count], CancellationToken.None)).Source == TriageSource.Primary;

// 1. Zero latency: per-call cost, sequential, after warm-up.
for (var i = 0; i < WarmUp; i++) await AskAsync(i);
var pipeline = new List<double>(Calls);
var notPrimary = 0;
for (var i = 0; i < Calls; i++)
{
    var started = Stopwatch.GetTimestamp();
    if (!await AskAsync(i)) notPrimary++;
    pipeline.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
Console.WriteLine($"pipeline, zero-latency double, 1 at a time: {Measure.Latency(pipeline)}; answers not from the primary: {notPrimary}");

// The same wire request without the pipeline: what the loopback HTTP round trip and the double cost by themselves.
var body = llm.RequestsFor(Primary)[^1].Body.GetRawText();
using var http = new HttpClient { BaseAddress = new Uri(llm.BaseUrl + "/") };
async Task PostRawAsync()
{
    using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
    using var response = await http.PostAsync("chat/completions", content);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
}
for (var i = 0; i < WarmUp; i++) await PostRawAsync();
var raw = new List<double>(Calls);
for (var i = 0; i < Calls; i++)
{
    var started = Stopwatch.GetTimestamp();
    await PostRawAsync();
    raw.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
Console.WriteLine($"bare HttpClient POST of the same body, 1 at a time: {Measure.Latency(raw)}");
Console.WriteLine($"pipeline overhead per ticket (mean, p50): {pipeline.Average() - raw.Average():F3} ms, " +
    $"{Measure.Percentile([.. pipeline.Order()], 50) - Measure.Percentile([.. raw.Order()], 50):F3} ms");

// 2. The double answers after 200 ms: throughput at each concurrency against the ideal.
llm.Reset();
llm.SetDefault(Primary, LlmReply.Delayed(delay, LlmReply.Valid()));
var next = 0;
foreach (var concurrency in new[] { 1, 4, 16 })
{
    await Measure.ForDurationAsync(concurrency, TimeSpan.FromSeconds(1), () => AskAsync(Interlocked.Increment(ref next))); // warm the connections
    var (latencies, elapsed, failures) = await Measure.ForDurationAsync(concurrency, TimeSpan.FromSeconds(10), () => AskAsync(Interlocked.Increment(ref next)));
    var perSecond = latencies.Count / elapsed.TotalSeconds;
    var ideal = concurrency / delay.TotalSeconds;
    Console.WriteLine($"pipeline, 200 ms double, concurrency {concurrency,2}: {perSecond:F1} tickets/s, ideal {ideal:F1} ({perSecond / ideal:P1}); " +
        $"{Measure.Latency(latencies)}; answers not from the primary: {failures}");
}
Console.WriteLine($"requests the double saw for the fallback model: {llm.RequestsFor(Fallback).Count}; load average after: {Measure.LoadAverage()}");
await host.StopAsync();
