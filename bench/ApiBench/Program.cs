using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Bench;
using TicketSense.Core.Data;
using TicketSense.Testing;
using TicketSense.Worker.Backlog;
using TicketSense.Worker.Commands;

// Issue 6: GET /overview and GET /tickets on loopback against the Api on real Kestrel (not TestServer), over real
// Postgres and Redis holding the 300 seed tickets, triaged by the local model; GET /health of the same app, in the
// same run, is the baseline (it touches neither store). N HttpClient workers call back to back for a fixed duration.
var warmUp = TimeSpan.FromSeconds(2);
var duration = TimeSpan.FromSeconds(args.Length > 0 ? int.Parse(args[0]) : 10);
int[] concurrencies = [1, 16];
string[] paths = ["/health", "/overview", "/tickets", "/tickets?limit=100"];

Measure.Header("ApiBench");
var storage = new StorageFixture();
try
{
    await storage.InitializeAsync();
    await BenchAsync(storage);
}
finally
{
    await storage.DisposeAsync();
    await Servers.StopAndCheckAsync();
}
Console.WriteLine($"load average after: {Measure.LoadAverage()}");

async Task BenchAsync(StorageFixture storage)
{
    // The seed and the backlog drain as the Worker runs them (Worker's own CommandHost and BacklogTriager), local mode.
    var settings = new Dictionary<string, string>
    {
        ["ConnectionStrings:tickets"] = storage.TicketsConnectionString,
        ["ConnectionStrings:cache"] = storage.CacheConnectionString,
        ["Triage:Mode"] = "local",
    };
    using (var worker = CommandHost.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")]))
    {
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(DataPath.Resolve(null), null, CancellationToken.None);
        }
        var drained = await worker.Services.GetRequiredService<BacklogTriager>().DrainAsync(null, CancellationToken.None);
        Console.WriteLine($"seeded and triaged (local model): {drained.Triaged} tickets, {drained.Failed} failed");
    }

    // Production, as deployed (the factory's default is Development); framework logs at Warning, so only results print.
    await using var factory = new ApiFactory(storage, new Dictionary<string, string?> { ["environment"] = "Production", ["Logging:LogLevel:Default"] = "Warning" });
    factory.UseKestrel(0);
    factory.StartServer();
    Uri baseAddress;
    using (var probe = factory.CreateClient()) baseAddress = probe.BaseAddress!;
    Console.WriteLine($"Api on real Kestrel at {baseAddress}");

    using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = baseAddress };
    (await http.PostAsync("/overview/refresh", null)).EnsureSuccessStatusCode(); // triage:overview cached, as after the worker's refresh
    foreach (var path in paths)
    {
        using var first = await http.GetAsync(path);
        Console.WriteLine($"GET {path}: {(int)first.StatusCode}, {(await first.Content.ReadAsByteArrayAsync()).Length} bytes");
    }

    async Task<bool> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK;
    }

    foreach (var concurrency in concurrencies)
    {
        foreach (var path in paths)
        {
            await Measure.ForDurationAsync(concurrency, warmUp, () => GetAsync(path));
            var (latencies, elapsed, failures) = await Measure.ForDurationAsync(concurrency, duration, () => GetAsync(path));
            Console.WriteLine($"GET {path,-18} {concurrency,2} workers: {latencies.Count / elapsed.TotalSeconds,7:F0} req/s; {Measure.Latency(latencies)}; non-200: {failures}");
        }
    }
}
