using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Bench;
using TicketSense.Core.Data;
using TicketSense.Testing;

// Issue 20 items 1 and 2: the dashboard's reads against GET /health of the same app in the same run, 16 connections,
// the Api on real Kestrel (Production, logs at Warning) over real Postgres and Redis holding [tickets] varied tickets
// (inserted by SQL: mixed labels, a tenth pending, bodies of varied length). Exits 1 when a figure misses its target.
var tickets = args.Length > 0 ? int.Parse(args[0]) : 3_000;
var duration = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1]) : 5);
var explain = args.Contains("explain");
var warmUp = TimeSpan.FromSeconds(1);
const int Connections = 16;

// (path, minimum ratio to /health, maximum p99 in ms or null)
(string Path, double MinRatio, double? MaxP99)[] reads =
[
    ("/overview", 0.8, 2.0),
    ("/tickets?limit=20", 0.25, null),
    ("/tickets?limit=20&priority=high", 0.25, null),
    ("/tickets?limit=20&category=billing&sentiment=angry", 0.25, null),
    ("/tickets?limit=20&order=created_at", 0.25, null),
];

Measure.Header($"ReadPathBench ({tickets:N0} tickets, {Connections} connections, {duration.TotalSeconds:F0} s per line)");
var storage = new StorageFixture();
var missed = new List<string>();
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
Console.WriteLine(missed.Count == 0 ? "all targets met" : $"MISSED: {string.Join("; ", missed)}");
return missed.Count == 0 ? 0 : 1;

async Task BenchAsync(StorageFixture storage)
{
    await using var factory = new ApiFactory(storage, new Dictionary<string, string?> { ["environment"] = "Production", ["Logging:LogLevel:Default"] = "Warning" });
    factory.UseKestrel(0);
    factory.StartServer();
    await factory.WaitUntilMigratedAsync();
    await InsertAsync(storage, tickets);
    if (explain) await ExplainAsync(storage);

    Uri baseAddress;
    using (var probe = factory.CreateClient()) baseAddress = probe.BaseAddress!;
    using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = baseAddress };
    (await http.PostAsync("/overview/refresh", null)).EnsureSuccessStatusCode();
    foreach (var path in reads.Select(r => r.Path).Prepend("/health"))
    {
        using var first = await http.GetAsync(path);
        Console.WriteLine($"GET {path}: {(int)first.StatusCode}, {(await first.Content.ReadAsByteArrayAsync()).Length} bytes");
    }

    var (health, _) = await RunAsync("/health");
    foreach (var (path, minRatio, maxP99) in reads)
    {
        var (perSecond, p99) = await RunAsync(path);
        var ratio = perSecond / health;
        Console.WriteLine($"    ratio to /health {ratio:F2} (target ≥ {minRatio:F2}){(maxP99 is { } max ? $", p99 target ≤ {max:F1} ms" : "")}");
        if (ratio < minRatio) missed.Add($"{path} ratio {ratio:F2} < {minRatio:F2}");
        if (maxP99 is { } limit && p99 > limit) missed.Add($"{path} p99 {p99:F1} ms > {limit:F1} ms");
    }

    async Task<(double PerSecond, double P99)> RunAsync(string path)
    {
        await Measure.ForDurationAsync(Connections, warmUp, () => GetAsync(path));
        var (latencies, elapsed, failures) = await Measure.ForDurationAsync(Connections, duration, () => GetAsync(path));
        var perSecond = latencies.Count / elapsed.TotalSeconds;
        Console.WriteLine($"GET {path,-52} {perSecond,7:F0} req/s; {Measure.Latency(latencies)}; non-200: {failures}");
        if (failures > 0) missed.Add($"{path}: {failures} non-200");
        return (perSecond, Measure.Percentile([.. latencies.Order()], 99));
    }

    async Task<bool> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK;
    }
}

// The plans of the page query as EF sends it (its SQL, with the parameters inlined), one per order and filter.
static async Task ExplainAsync(StorageFixture storage)
{
    const string Page = """
        SELECT t.*, t0.* FROM tickets AS t LEFT JOIN ticket_triages AS t0 ON t.id = t0.ticket_id
        {0} ORDER BY t.{1} DESC, t.id LIMIT 20 OFFSET 0
        """;
    string[] queries =
    [
        string.Format(Page, "", "received_at"),
        string.Format(Page, "WHERE t0.priority = 'high'", "received_at"),
        string.Format(Page, "WHERE t0.category = 'billing' AND t0.sentiment = 'angry'", "received_at"),
        string.Format(Page, "", "created_at"),
        string.Format(Page, "WHERE t.subject ILIKE '%refund%'", "received_at"),
        "SELECT count(*) FROM tickets AS t LEFT JOIN ticket_triages AS t0 ON t.id = t0.ticket_id WHERE t0.priority = 'high'",
    ];
    await using var connection = new Npgsql.NpgsqlConnection(storage.TicketsConnectionString);
    await connection.OpenAsync();
    foreach (var query in queries)
    {
        await using var command = new Npgsql.NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF) " + query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine($"EXPLAIN ANALYZE {query.ReplaceLineEndings(" ")}");
        while (await reader.ReadAsync()) Console.WriteLine($"    {reader.GetString(0)}");
    }
}

// Varied tickets: labels from coprime cycles (every combination occurs), a tenth pending, bodies of 200–1,800 characters.
static async Task InsertAsync(StorageFixture storage, int count)
{
    await using var scope = storage.Scope();
    var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
    var started = DateTime.UtcNow;
    await db.Database.ExecuteSqlAsync($"""
        INSERT INTO tickets (id, sender, subject, body, received_at)
        SELECT 'bench-' || g, 'sender' || (g % 500) || '@example.com', 'Subject ' || g || ' about ' || (ARRAY['billing','login','export','invoice','crash','refund','api'])[1 + g % 7],
               repeat('A line of body text for the benchmark. ', 5 + (g * 7919) % 40), now() - ((g::bigint * 104729) % 8640000) * interval '1 second'
        FROM generate_series(1, {count}) AS g
        """);
    await db.Database.ExecuteSqlAsync($"""
        INSERT INTO ticket_triages (ticket_id, priority, category, sentiment, summary, tags, model, source, prompt_version,
                                    attempts, latency_ms, triaged_at, confidence_priority, confidence_category, confidence_sentiment)
        SELECT 'bench-' || g, (ARRAY['low','medium','high','critical'])[1 + g % 4],
               (ARRAY['billing','technical','feature_request','complaint','general'])[1 + g % 5],
               (ARRAY['positive','neutral','negative','angry'])[1 + g % 3 + (g / 7) % 2],
               'A one-sentence summary of ticket ' || g || '.', ARRAY['tag-' || (g % 13), 'topic-' || (g % 29)],
               'local', 'local', 'v1', 1, 2, now(), 0.5 + (g % 50) / 100.0, 0.6, 0.7
        FROM generate_series(1, {count}) AS g WHERE g % 10 <> 0
        """);
    await db.Database.ExecuteSqlAsync($"ANALYZE tickets; ANALYZE ticket_triages");
    Console.WriteLine($"inserted {count:N0} tickets ({count - count / 10:N0} triaged) in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
}
