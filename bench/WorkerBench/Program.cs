using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSense.Bench;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage.Local;
using TicketSense.Testing;
using TicketSense.Testing.FakeLlm;
using TicketSense.Worker.Backlog;
using TicketSense.Worker.Commands;

// Issue 7: the Worker's own code (CommandHost, SeedImporter, BacklogTriager claiming through triage_claims) over real
// Postgres and Redis. Seed the 300 seed tickets and triage them with the local model; then, on a fresh database each
// time, triage them through the LLM pipeline with the double answering after 200 ms at Worker:Concurrency 1, 4 and 16,
// against the ideal (concurrency ÷ 0.2 s).
const string Primary = "bench-primary";
var delay = TimeSpan.FromMilliseconds(200);
var seedPath = DataPath.Resolve(null);

Measure.Header("WorkerBench");
await using var llm = await FakeLlmServer.StartAsync();
llm.SetDefault(Primary, LlmReply.Delayed(delay, LlmReply.Valid()));

await RunAsync("local model", concurrency: 4, new() { ["Triage:Mode"] = "local" });
foreach (var concurrency in new[] { 1, 4, 16 })
{
    llm.Reset();
    llm.SetDefault(Primary, LlmReply.Delayed(delay, LlmReply.Valid()));
    var perSecond = await RunAsync("200 ms LLM double", concurrency, new()
    {
        ["Triage:Mode"] = "llm",
        ["Triage:Endpoint"] = llm.BaseUrl.ToString(),
        ["Triage:ApiKey"] = "sk-bench",
        ["Triage:PrimaryModel"] = Primary,
        ["Triage:FallbackModel"] = "bench-fallback",
    });
    var ideal = concurrency / delay.TotalSeconds;
    Console.WriteLine($"  concurrency {concurrency,2}: {perSecond:F1} tickets/s against the ideal {ideal:F1} ({perSecond / ideal:P1}); the double saw {llm.Requests.Count} requests");
}
await Servers.StopAndCheckAsync();
Console.WriteLine($"load average after: {Measure.LoadAverage()}");

// A fresh database and Redis; seed, then drain the backlog as `triage-all` does. Returns the triage rate.
async Task<double> RunAsync(string what, int concurrency, Dictionary<string, string> triage)
{
    await using var storage = new StorageFixture();
    await storage.InitializeAsync();
    triage["ConnectionStrings:tickets"] = storage.TicketsConnectionString;
    triage["ConnectionStrings:cache"] = storage.CacheConnectionString;
    triage["Worker:Concurrency"] = concurrency.ToString();
    using var worker = CommandHost.Build([.. triage.Select(s => $"--{s.Key}={s.Value}")]);
    await worker.Services.GetRequiredService<LocalTriageModelProvider>().GetAsync(CancellationToken.None); // loaded before the clock, as the warm-up service does

    var clock = Stopwatch.StartNew();
    SeedResult seeded;
    await using (var scope = worker.Services.CreateAsyncScope())
    {
        seeded = await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(seedPath, null, CancellationToken.None);
    }
    var seedTime = clock.Elapsed;
    clock.Restart();
    var result = await worker.Services.GetRequiredService<BacklogTriager>().DrainAsync(null, CancellationToken.None);
    var triageTime = clock.Elapsed;

    await using (var scope = worker.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var bySource = await db.TicketTriages.GroupBy(t => t.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Console.WriteLine($"{what}, Worker:Concurrency {concurrency}: seed {seeded.Loaded} tickets in {seedTime.TotalSeconds:F2} s ({seeded.Loaded / seedTime.TotalSeconds:F0}/s); " +
            $"triage {result.Triaged} ({result.Failed} failed) in {triageTime.TotalSeconds:F2} s ({result.Triaged / triageTime.TotalSeconds:F1}/s); " +
            $"records by source: {string.Join(", ", bySource.Select(s => $"{WireNames.Of(s.Key)} {s.Count}"))}");
    }
    return result.Triaged / triageTime.TotalSeconds;
}
