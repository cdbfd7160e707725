using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;
using TicketSense.Testing.FakeLlm;
using TicketSense.Tests.Infrastructure;
using TicketSense.Worker.Backlog;
using TicketSense.Worker.Commands;

namespace TicketSense.Tests.Integration.Worker;

/// <summary>Batch claims over one backlog, from many claimers at once: no ticket is ever handed to two of them.</summary>
public sealed class BatchClaimTests
{
    private const string PrimaryModel = "primary-model";

    private static async Task AddTicketsAsync(StorageFixture storage, int count)
    {
        await using var scope = storage.Scope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketRepository>();
        for (var i = 0; i < count; i++)
        {
            await tickets.AddAsync(SampleTickets.Ticket($"batch-{i:D4}"), CancellationToken.None);
        }
    }

    [Fact]
    public async Task Claimers_racing_in_batches_never_share_a_ticket_and_leave_none_behind()
    {
        const int tickets = 400, claimers = 6, batch = 16;
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await AddTicketsAsync(storage, tickets);

        // Nothing is released: every claim holds its lease, so a ticket claimed twice would be a stolen lease.
        var claimed = await Task.WhenAll(Enumerable.Range(0, claimers).Select(c => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (true)
            {
                await using var scope = storage.Scope();
                var batchClaimed = await scope.ServiceProvider.GetRequiredService<TriageClaimRepository>()
                    .ClaimAsync($"claimer-{c}", batch, TimeSpan.FromMinutes(5), CancellationToken.None);
                if (batchClaimed.Count == 0) return mine;
                Assert.InRange(batchClaimed.Count, 1, batch);
                mine.AddRange(batchClaimed);
            }
        })));

        var all = claimed.SelectMany(c => c).ToList();
        Assert.Equal(tickets, all.Count);
        Assert.Equal(tickets, all.Distinct().Count());
        await using var check = storage.Scope();
        var owners = await check.ServiceProvider.GetRequiredService<TicketsDbContext>().TriageClaims
            .GroupBy(c => c.WorkerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(claimed.Select((c, i) => ($"claimer-{i}", c.Count)).Where(o => o.Count > 0).Order(),
            owners.Select(o => (o.Key, o.Count)).Order());
    }

    [Fact]
    public async Task Two_triagers_at_concurrency_16_ask_the_model_once_per_ticket()
    {
        const int tickets = 480;
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        // 480 × 100 ms / 16 = 3 s for one triager alone: long enough that both are at work before either runs out.
        llm.SetDefault(PrimaryModel, LlmReply.Delayed(TimeSpan.FromMilliseconds(100), LlmReply.Valid()));
        await AddTicketsAsync(storage, tickets);
        string[] settings =
        [
            $"--ConnectionStrings:tickets={storage.TicketsConnectionString}",
            $"--ConnectionStrings:cache={storage.CacheConnectionString}",
            "--Triage:Mode=llm",
            "--Triage:ApiKey=sk-test-worker",
            $"--Triage:Endpoint={llm.BaseUrl}",
            $"--Triage:PrimaryModel={PrimaryModel}",
            "--Triage:FallbackModel=fallback-model",
            "--Worker:Concurrency=16",
        ];
        using var first = CommandHost.Build(settings);
        using var second = CommandHost.Build(settings);
        foreach (var host in new[] { first, second })
        {
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TriageService>();
            await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Database.ExecuteSqlRawAsync("SELECT 1");
        }

        var results = await Task.WhenAll(new[] { first, second }.Select(host => Task.Run(() =>
            host.Services.GetRequiredService<BacklogTriager>().DrainAsync(null, CancellationToken.None))));

        Assert.Equal(tickets, llm.RequestsFor(PrimaryModel).Count);
        Assert.Equal(tickets, results.Sum(r => r.Triaged));
        Assert.All(results, r => Assert.Equal(0, r.Failed));
        Assert.All(results, r => Assert.True(r.Triaged > 0, $"One triager did all the work: there was no race ({results[0].Triaged} / {results[1].Triaged})."));
        await using var check = storage.Scope();
        var db = check.ServiceProvider.GetRequiredService<TicketsDbContext>();
        // One model answer recorded per ticket: none was triaged by both.
        var answersPerTicket = await db.TriageHistory.GroupBy(h => h.TicketId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(tickets, answersPerTicket.Count);
        Assert.All(answersPerTicket, count => Assert.Equal(1, count));
        Assert.Equal(0, await db.TriageClaims.CountAsync());
    }
}
