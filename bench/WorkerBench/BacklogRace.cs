using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSense.Core.Data;
using TicketSense.Testing;
using TicketSense.Testing.FakeLlm;
using TicketSense.Worker.Backlog;
using TicketSense.Worker.Commands;

namespace TicketSense.Bench;

/// <summary>
/// Issue 20 item 3: replicas of the Worker (each a host of its own, as separate processes would be, at
/// <c>Worker:Concurrency</c> 16, logs at Warning) drain one backlog of tickets inserted by SQL, the LLM double answering
/// after 200 ms. Prints the rate against the ideal (replicas × 16 ÷ 0.2 s) and the model's in-flight count per 100 ms.
/// </summary>
public static class BacklogRace
{
    public const int Concurrency = 16;
    public const double Target = 0.9;
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether the rate reached <see cref="Target"/> of the ideal with every ticket asked once.</summary>
    public static async Task<bool> RunAsync(FakeLlmServer llm, string model, IReadOnlyDictionary<string, string> triage, int replicas, int tickets)
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        var settings = new Dictionary<string, string>(triage)
        {
            ["ConnectionStrings:tickets"] = storage.TicketsConnectionString,
            ["ConnectionStrings:cache"] = storage.CacheConnectionString,
            ["Worker:Concurrency"] = Concurrency.ToString(),
        };
        var hosts = Enumerable.Range(0, replicas).Select(_ => CommandHost.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")])).ToList();
        try
        {
            // Warm-up, untimed: JIT, the connection pools, HTTP connections to the double.
            llm.Reset();
            llm.SetDefault(model, LlmReply.Delayed(Delay, LlmReply.Valid()));
            await InsertAsync(storage, "warm", 2 * Concurrency * replicas);
            await DrainAllAsync(hosts);

            llm.Reset();
            llm.SetDefault(model, LlmReply.Delayed(Delay, LlmReply.Valid()));
            await InsertAsync(storage, "race", tickets);
            var clock = Stopwatch.StartNew();
            var results = await DrainAllAsync(hosts);
            var elapsed = clock.Elapsed;

            var triaged = results.Sum(r => r.Triaged);
            var asked = llm.RequestsFor(model).Select(r => r.ArrivedAt).Order().ToList();
            var rate = triaged / elapsed.TotalSeconds;
            var ideal = replicas * Concurrency / Delay.TotalSeconds;
            var ratio = rate / ideal;
            Console.WriteLine($"{replicas} replica(s) × concurrency {Concurrency}, {tickets} tickets: {triaged} triaged " +
                $"({string.Join(" + ", results.Select(r => r.Triaged))}), {results.Sum(r => r.Failed)} failed, in {elapsed.TotalSeconds:F2} s = " +
                $"{rate:F1} tickets/s; ideal {ideal:F0}/s; ratio {ratio:F3} (target ≥ {Target:F2}); the model was asked {asked.Count} times");
            PrintTimeline(asked, replicas * Concurrency);

            var met = ratio >= Target && triaged == tickets && asked.Count == tickets;
            if (asked.Count != tickets) Console.WriteLine($"  MISSED: {asked.Count} model calls for {tickets} tickets");
            return met;
        }
        finally
        {
            foreach (var host in hosts) host.Dispose();
        }
    }

    private static Task<BacklogResult[]> DrainAllAsync(IEnumerable<IHost> hosts) =>
        Task.WhenAll(hosts.Select(host => Task.Run(() => host.Services.GetRequiredService<BacklogTriager>().DrainAsync(null, CancellationToken.None))));

    /// <summary>
    /// Requests waiting at the double (each for exactly 200 ms) at every 100 ms from the first arrival: ten samples a
    /// line, one line a second. An idle gap between claims shows as a dip below the concurrency.
    /// </summary>
    private static void PrintTimeline(IReadOnlyList<TimeSpan> arrivals, int slots)
    {
        if (arrivals.Count == 0) return;
        var start = arrivals[0];
        var end = arrivals[^1] + Delay;
        var samples = new List<int>();
        for (var t = start; t < end; t += Tick)
        {
            samples.Add(arrivals.Count(a => a <= t && t < a + Delay));
        }
        Console.WriteLine($"  the model's in-flight requests every 100 ms (of {slots}), from its first call:");
        for (var second = 0; second * 10 < samples.Count; second++)
        {
            Console.WriteLine($"  {second,4} s: {string.Join(' ', samples.Skip(second * 10).Take(10).Select(s => $"{s,2}"))}");
        }
        var steady = samples.Take(Math.Max(1, samples.Count - 3)).ToList(); // the last 300 ms is the backlog running out
        Console.WriteLine($"  before the backlog ran out: min {steady.Min()}, mean {steady.Average():F1}; samples below 90 % of {slots}: " +
            $"{steady.Count(s => s < 0.9 * slots)} of {steady.Count}");
    }

    private static async Task InsertAsync(StorageFixture storage, string prefix, int count)
    {
        await using var scope = storage.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO tickets (id, sender, subject, body, received_at)
            SELECT {prefix} || '-' || g, 'sender' || (g % 97) || '@example.com', 'Subject ' || g || ' about ' || (ARRAY['billing','login','export','invoice','crash'])[1 + g % 5],
                   repeat('A line of body text for the benchmark. ', 3 + g % 20), now() - g * interval '1 second'
            FROM generate_series(1, {count}) AS g
            """);
    }
}
