using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Bench;
using TicketSense.Core.Data;
using TicketSense.Testing;

// Issue 19 item 4: GET /exports/tickets.csv of 100,000 tickets (about 1 KB of body each) from the Api on real Kestrel,
// read as it streams; the process's peak working set before and after says whether memory grows with the rows.
var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;

Measure.Header("ExportBench");
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
    await using var factory = new ApiFactory(storage, new Dictionary<string, string?> { ["environment"] = "Production", ["Logging:LogLevel:Default"] = "Warning" });
    factory.UseKestrel(0);
    factory.StartServer();
    using var http = factory.CreateClient();
    http.Timeout = Timeout.InfiniteTimeSpan;
    await factory.WaitUntilMigratedAsync();

    var inserting = Stopwatch.StartNew();
    await using (var scope = storage.Scope())
    {
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO tickets (id, sender, subject, body, received_at)
            SELECT 'bench-' || g, 'sender' || g || '@example.com', 'Subject ' || g || ', with a comma',
                   repeat('A line of body text, with "quotes" and a comma.' || chr(10), 20), now() - g * interval '1 second'
            FROM generate_series(1, {count}) AS g
            """);
    }
    Console.WriteLine($"inserted {count:N0} tickets in {inserting.Elapsed.TotalSeconds:F1} s");

    // A warm-up export that matches nothing: the endpoint, EF's query and the writer are compiled before the baseline.
    await ExportAsync("/exports/tickets.csv?q=no-such-subject");
    var before = PeakWorkingSetMiB();
    var (bytes, lines, elapsed) = await ExportAsync("/exports/tickets.csv");
    Console.WriteLine($"export: {lines - 1:N0} rows, {bytes / 1048576.0:F0} MiB in {elapsed.TotalSeconds:F1} s ({bytes / 1048576.0 / elapsed.TotalSeconds:F0} MiB/s)");
    Console.WriteLine($"peak working set (Api and client, one process): {before:F0} MiB before, {PeakWorkingSetMiB():F0} MiB after");

    async Task<(long Bytes, long Lines, TimeSpan Elapsed)> ExportAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long total = 0, newlines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
            newlines += buffer.AsSpan(0, read).Count((byte)'\r');
        }
        // The bodies hold bare LFs inside their quotes and no CR: every CR ends a line.
        return (total, newlines, clock.Elapsed);
    }
}

static double PeakWorkingSetMiB()
{
    using var self = Process.GetCurrentProcess();
    return self.PeakWorkingSet64 / 1048576.0;
}
