using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Testing.FakeLlm;
using TicketSense.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketSense.Tests.Integration.ScaleOut;

/// <summary>
/// Issue 21's proof that replicas scale out: three Api and three Worker processes over one Postgres and one Redis take
/// 2,000 posted tickets and the 300-ticket seed backlog. Every ticket is stored once and triaged once (the LLM double
/// counts the calls), every Api replica serves the final overview within a second of the last triage, and every
/// replica's live events carry every ticket.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed partial class ScaleOutTests(ITestOutputHelper output)
{
    private const int Replicas = 3;
    private const int PostedTickets = 2000;
    private const int BacklogTickets = 300; // data/batch_*.json, loaded by the workers' seed import
    private const int Total = PostedTickets + BacklogTickets;
    private const int Posters = 12; // concurrent clients, spread round-robin over the Api replicas
    private const string PrimaryModel = "primary-model";
    private const string FallbackModel = "fallback-model";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180); // six .NET processes starting at once on two cores

    [Fact]
    public async Task Three_api_and_three_worker_replicas_store_and_triage_every_ticket_once()
    {
        var postgres = await TestServers.PostgresAsync();
        var database = $"scaleout_{Guid.NewGuid():N}";
        await postgres.CreateDatabaseAsync(database); // empty: the six replicas migrate it together, under the advisory lock
        var ticketsConnectionString = postgres.ConnectionString(database);
        await using var redis = await TestServers.StartRedisAsync();
        await using var llm = await FakeLlmServer.StartAsync(); // answers every model at once with a valid triage
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__tickets"] = ticketsConnectionString,
            ["ConnectionStrings__cache"] = redis.ConnectionString,
            ["Triage__Mode"] = "llm",
            ["Triage__ApiKey"] = "sk-test-scaleout",
            ["Triage__Endpoint"] = llm.BaseUrl.ToString(),
            ["Triage__PrimaryModel"] = PrimaryModel,
            ["Triage__FallbackModel"] = FallbackModel,
        };
        // A ticket whose triage at intake fails stays pending for the workers (POST /tickets' contract): a short sweep
        // picks it up in seconds rather than the default 30.
        var workerEnvironment = new Dictionary<string, string?>(environment) { ["Seed__Path"] = DataPath.Resolve(null), ["Worker__SweepSeconds"] = "3" };
        var backlogTriagedBy = new ConcurrentDictionary<string, int>();
        var intakeFailures = new ConcurrentQueue<string>();

        var apis = Enumerable.Range(1, Replicas).Select(i => ServiceReplica.StartApi($"api-{i}", environment,
            line => KeepIntakeFailure(intakeFailures, $"api-{i}", line))).ToList();
        var workers = new List<ServiceReplica>();
        var clients = apis.Select(api => new HttpClient { BaseAddress = api.BaseAddress, Timeout = Timeout.InfiniteTimeSpan }).ToList();
        var recorders = new List<LiveEventRecorder>();
        try
        {
            var startClock = Stopwatch.StartNew();
            await Task.WhenAll(apis.Select((api, i) => api.WaitUntilReadyAsync(clients[i], StartTimeout)));
            output.WriteLine($"3 Api replicas ready (migrated, Redis, local model) in {startClock.Elapsed.TotalSeconds:F1} s");
            foreach (var client in clients) recorders.Add(await LiveEventRecorder.OpenAsync(client, CancellationToken.None));

            workers.AddRange(Enumerable.Range(1, Replicas).Select(i => ServiceReplica.StartWorker($"worker-{i}", workerEnvironment,
                line => CountBacklogPass(backlogTriagedBy, $"worker-{i}", line))));
            await Poll.UntilAsync(async () => await ScalarAsync(ticketsConnectionString, "SELECT count(*) FROM tickets") >= BacklogTickets, StartTimeout);
            output.WriteLine($"Backlog of {BacklogTickets} seed tickets loaded by the workers at {startClock.Elapsed.TotalSeconds:F1} s");

            var posted = await PostAsync(clients);
            await Poll.UntilAsync(async () => await ScalarAsync(ticketsConnectionString, "SELECT count(*) FROM ticket_triages") >= Total, TimeSpan.FromSeconds(120));
            var overviewSeenAt = await WaitForFinalOverviewAsync(clients);

            // Stored once, triaged once.
            Assert.Equal(Total, await ScalarAsync(ticketsConnectionString, "SELECT count(*) FROM tickets"));
            Assert.Equal(PostedTickets, await ScalarAsync(ticketsConnectionString, "SELECT count(*) FROM tickets WHERE id LIKE 'so-%'"));
            Assert.Equal(Total, await ScalarAsync(ticketsConnectionString, "SELECT count(*) FROM ticket_triages WHERE source = 'primary' AND attempts = 1"));
            Assert.Equal(Total, await ScalarAsync(ticketsConnectionString, "SELECT count(*) FROM ticket_triage_history"));
            Assert.Equal(Total, await ScalarAsync(ticketsConnectionString, "SELECT count(DISTINCT ticket_id) FROM ticket_triage_history"));
            Assert.Equal(0, await ScalarAsync(ticketsConnectionString, "SELECT count(*) FROM triage_claims"));
            // One model call per ticket; a ticket left pending by a failed intake triage may have been asked twice
            // (at intake, then by a worker): that is the design's one retry, so it is allowed, and only for those.
            var askedAbout = llm.RequestsFor(PrimaryModel).SelectMany(r => PostedId().Matches(r.Text).Select(m => m.Value).Distinct()).ToList();
            Assert.Equal(PostedTickets, askedAbout.Distinct().Count());
            Assert.InRange(askedAbout.Count, PostedTickets, PostedTickets + posted.Deferred.Count);
            Assert.All(askedAbout.CountBy(id => id).Where(c => c.Value > 1), c => Assert.Contains(c.Key, posted.Deferred));
            Assert.InRange(llm.RequestsFor(PrimaryModel).Count, Total, Total + posted.Deferred.Count);
            Assert.Empty(llm.RequestsFor(FallbackModel));

            // Every replica's live events: a triaged event for every ticket, once.
            var ids = await AllTicketIdsAsync(ticketsConnectionString);
            await Poll.UntilAsync(() => Task.FromResult(recorders.All(r => r.Distinct >= Total || r.Failure is not null)), TimeSpan.FromSeconds(30));
            foreach (var (recorder, i) in recorders.Select((r, i) => (r, i)))
            {
                Assert.Null(recorder.Failure);
                var events = recorder.Triaged;
                Assert.True(ids.SetEquals(events.Keys), $"api-{i + 1}'s live events: {ids.Except(events.Keys).Count()} tickets missing, {events.Keys.Except(ids).Count()} unknown.");
                Assert.All(events, e => Assert.Equal(1, e.Value));
            }

            // The overview, equal on every replica within a second of the last triage: from the moment it was
            // announced (the first replica's live event of it; triaged_at is stamped before the triage is written).
            var (firstTriage, lastTriage) = await TriageSpanAsync(ticketsConnectionString);
            var lastAnnounced = recorders.Min(r => r.LastTriagedAt);
            var lag = overviewSeenAt - lastAnnounced;
            output.WriteLine($"Final overview on all {Replicas} Api replicas {lag.TotalMilliseconds:F0} ms after the last triage was announced " +
                $"({(overviewSeenAt - lastTriage).TotalMilliseconds:F0} ms after its triaged_at)");
            Assert.True(lag <= TimeSpan.FromSeconds(1), $"The final overview reached every Api replica {lag.TotalMilliseconds:F0} ms after the last triage.");

            Report(posted, firstTriage, lastTriage, backlogTriagedBy, intakeFailures);
        }
        finally
        {
            foreach (var recorder in recorders) await recorder.DisposeAsync();
            foreach (var client in clients) client.Dispose();
            await Task.WhenAll([.. workers.Select(w => w.DisposeAsync().AsTask()), .. apis.Select(a => a.DisposeAsync().AsTask())]);
            await postgres.DropDatabaseAsync(database);
        }
    }

    /// <summary>How the 2,000 posts went: when each replica finished its share, the whole, and the tickets answered 201 still pending.</summary>
    private sealed record Posting(TimeSpan Elapsed, IReadOnlyList<TimeSpan> ReplicaElapsed, IReadOnlyList<int> ReplicaCount, IReadOnlyCollection<string> Deferred);

    /// <summary>
    /// Posts the tickets, ticket i to replica i mod 3, <see cref="Posters"/> at a time. Every answer must be a 201: with
    /// its triage, or pending when the triage at intake failed (the worker completes it, as POST /tickets promises).
    /// </summary>
    private static async Task<Posting> PostAsync(IReadOnlyList<HttpClient> clients)
    {
        var clock = Stopwatch.StartNew();
        var finished = new long[clients.Count];
        var counts = new int[clients.Count];
        var failures = new ConcurrentQueue<string>();
        var deferred = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, PostedTickets), new ParallelOptions { MaxDegreeOfParallelism = Posters }, async (i, cancellationToken) =>
        {
            var replica = i % clients.Count;
            using var response = await clients[replica].PostAsJsonAsync("/tickets", Ticket(i), TicketSenseJson.Options, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                failures.Enqueue($"ticket {i} on api-{replica + 1}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            else if ((await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options, cancellationToken))!.Triage is null)
            {
                deferred.Add(Ticket(i).Id!);
            }
            Interlocked.Increment(ref counts[replica]);
            InterlockedMax(ref finished[replica], clock.ElapsedTicks);
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} posts failed, the first: {failures.FirstOrDefault()}");
        return new Posting(clock.Elapsed, [.. finished.Select(t => TimeSpan.FromSeconds((double)t / Stopwatch.Frequency))], counts, [.. deferred]);
    }

    private static TicketRequest Ticket(int i)
    {
        string[] subjects = ["Invoice shows the wrong VAT rate", "Export to CSV times out", "Please add dark mode", "Still no answer after a week", "How do I change my email address?"];
        string[] bodies =
        [
            "The VAT on this month's invoice is 21% but we are registered in Germany, where it is 19%. Please correct it.",
            "Exporting more than ten thousand rows to CSV fails with a timeout every time since yesterday's release.",
            "Our team works late and would love a dark theme for the dashboard. Is that on the roadmap?",
            "I wrote to you a week ago about a refund and nobody has answered. This is unacceptable.",
            "I moved to a new company and need to change the email address on my account. Where is that setting?",
        ];
        var id = $"so-{i:D5}";
        return new TicketRequest(id, $"customer{i}@example.com", $"{subjects[i % subjects.Length]} ({id})", bodies[i % bodies.Length],
            new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero).AddMinutes(i).ToString("O"));
    }

    [GeneratedRegex(@"\bso-\d{5}\b")]
    private static partial Regex PostedId();

    /// <summary>Polls every replica's <c>GET /overview</c> until all three serve the final one; returns when that was first seen.</summary>
    private static async Task<DateTimeOffset> WaitForFinalOverviewAsync(IReadOnlyList<HttpClient> clients)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var overviews = await Task.WhenAll(clients.Select(c => c.GetStringAsync("/overview")));
            var seenAt = DateTimeOffset.UtcNow;
            var first = JsonNode.Parse(overviews[0])!;
            if (overviews.All(o => o == overviews[0]) && first["total_tickets"]!.GetValue<int>() == Total && first["pending"]!.GetValue<int>() == 0)
            {
                return seenAt;
            }
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), $"The Api replicas never agreed on the final overview: {string.Join(" | ", overviews)}");
            await Task.Delay(20);
        }
    }

    private void Report(Posting posted, DateTimeOffset firstTriage, DateTimeOffset lastTriage, IReadOnlyDictionary<string, int> backlogTriagedBy, IEnumerable<string> intakeFailures)
    {
        var triaging = lastTriage - firstTriage;
        output.WriteLine($"Overall: {Total} tickets triaged in {triaging.TotalSeconds:F1} s (first to last triage): {Total / triaging.TotalSeconds:F1} tickets/s");
        output.WriteLine($"Posted: {PostedTickets} tickets in {posted.Elapsed.TotalSeconds:F1} s, {Posters} clients: {PostedTickets / posted.Elapsed.TotalSeconds:F1} tickets/s (each a 201)");
        for (var i = 0; i < posted.ReplicaCount.Count; i++)
        {
            output.WriteLine($"  api-{i + 1}: {posted.ReplicaCount[i]} tickets in {posted.ReplicaElapsed[i].TotalSeconds:F1} s: {posted.ReplicaCount[i] / posted.ReplicaElapsed[i].TotalSeconds:F1} tickets/s");
        }
        foreach (var (worker, count) in backlogTriagedBy.OrderBy(w => w.Key)) output.WriteLine($"  {worker}: {count} backlog tickets triaged");
        output.WriteLine($"{posted.Deferred.Count} posted tickets left pending by a failed triage at intake, completed by the workers");
        foreach (var failure in intakeFailures.Take(5)) output.WriteLine($"  {failure}");
    }

    /// <summary>The Api logs a failed triage at intake as an error: keep its line and the next (the exception), the first few.</summary>
    private static void KeepIntakeFailure(ConcurrentQueue<string> failures, string api, string line)
    {
        if (failures.Count < 20 && (line.StartsWith("fail:", StringComparison.Ordinal) || line.Contains("stays pending", StringComparison.Ordinal) || line.Contains("Exception", StringComparison.Ordinal)))
        {
            failures.Enqueue($"{api}: {line.Trim()}");
        }
    }

    /// <summary>The worker logs each backlog pass (<c>Backlog pass: N triaged, M failed</c>).</summary>
    private static void CountBacklogPass(ConcurrentDictionary<string, int> counts, string worker, string line)
    {
        var pass = Regex.Match(line, @"Backlog pass: (\d+) triaged");
        if (pass.Success) counts.AddOrUpdate(worker, int.Parse(pass.Groups[1].Value), (_, n) => n + int.Parse(pass.Groups[1].Value));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<(DateTimeOffset First, DateTimeOffset Last)> TriageSpanAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT min(triaged_at), max(triaged_at) FROM ticket_triages", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    private static async Task<HashSet<string>> AllTicketIdsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM tickets", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }
}
