using TicketSense.Core.Triage;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSense.Testing.Servers;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Tickets;
using TicketSense.Tests.Infrastructure;
using TicketSense.Testing.FakeLlm;
using TicketSense.Worker.Backlog;
using TicketSense.Worker.Commands;

namespace TicketSense.Tests.Integration.Worker;

/// <summary>Several workers over one backlog, against the LLM double: every ticket is triaged exactly once.</summary>
public sealed class BacklogTriageTests
{
    private const string PrimaryModel = "primary-model";
    private static readonly string SeedPath = DataPath.Resolve(null);

    private static Dictionary<string, string> Settings(StorageFixture storage, FakeLlmServer llm, int concurrency = 4) => new()
    {
        ["ConnectionStrings:tickets"] = storage.TicketsConnectionString,
        ["ConnectionStrings:cache"] = storage.CacheConnectionString,
        ["Triage:Mode"] = "llm",
        ["Triage:ApiKey"] = "sk-test-worker",
        ["Triage:Endpoint"] = llm.BaseUrl.ToString(),
        ["Triage:PrimaryModel"] = PrimaryModel,
        ["Triage:FallbackModel"] = "fallback-model",
        ["Worker:Concurrency"] = concurrency.ToString(),
    };

    private static async Task<int> SeedAsync(StorageFixture storage)
    {
        await using var scope = storage.Scope();
        return (await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(SeedPath, null, CancellationToken.None)).Loaded;
    }

    private static async Task<(int Rows, int Claims)> CountAsync(StorageFixture storage)
    {
        await using var scope = storage.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        return (await db.TicketTriages.CountAsync(), await db.TriageClaims.CountAsync());
    }

    [Fact]
    public async Task Two_workers_racing_over_the_backlog_ask_the_model_once_per_ticket()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        // Model latency, and both hosts warmed up (DI, EF model, a connection), so one worker cannot drain the whole
        // backlog before the other has started: each alone would need 300 × 100 ms / 4 = 7.5 s.
        llm.SetDefault(PrimaryModel, LlmReply.Delayed(TimeSpan.FromMilliseconds(100), LlmReply.Valid()));
        var tickets = await SeedAsync(storage);
        var args = Settings(storage, llm).Select(s => $"--{s.Key}={s.Value}").ToArray();
        using var first = CommandHost.Build(args);
        using var second = CommandHost.Build(args);
        foreach (var host in new[] { first, second })
        {
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TriageService>();
            await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Database.ExecuteSqlRawAsync("SELECT 1");
        }

        var clock = Stopwatch.StartNew();
        var firstDone = new TimeSpan?[2];
        var results = await Task.WhenAll(new[] { first, second }.Select((host, i) => Task.Run(() =>
            host.Services.GetRequiredService<BacklogTriager>().DrainAsync(new SynchronousProgress(_ => firstDone[i] ??= clock.Elapsed), CancellationToken.None))));
        var timeline = $"first triage done at {firstDone[0]?.TotalMilliseconds:F0} / {firstDone[1]?.TotalMilliseconds:F0} ms, all at {clock.ElapsedMilliseconds} ms";

        Assert.Equal(tickets, llm.RequestsFor(PrimaryModel).Count);
        Assert.Equal(tickets, results.Sum(r => r.Triaged));
        Assert.All(results, r => Assert.Equal(0, r.Failed));
        Assert.All(results, r => Assert.True(r.Triaged > 0, $"One worker did all the work: there was no race ({timeline})."));
        Assert.Equal((tickets, 0), await CountAsync(storage));
    }

    [Fact]
    public async Task A_worker_killed_mid_batch_loses_nothing_and_its_leases_are_taken_again()
    {
        const int concurrency = 4;
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.SetDefault(PrimaryModel, LlmReply.Delayed(TimeSpan.FromMilliseconds(200), LlmReply.Valid()));
        var tickets = await SeedAsync(storage);
        var environment = Settings(storage, llm, concurrency)
            .ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);
        environment["Worker__LeaseSeconds"] = "3";
        environment["Worker__SweepSeconds"] = "1";

        using (var doomed = StartWorker(environment))
        {
            await Poll.UntilAsync(async () => (await CountAsync(storage)).Rows >= tickets / 4, TimeSpan.FromSeconds(60));
            doomed.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no claim released
            await doomed.WaitForExitAsync();
        }
        var afterKill = await CountAsync(storage);
        Assert.True(afterKill.Rows < tickets, "The backlog finished before the kill: nothing was tested.");
        Assert.True(afterKill.Claims > 0, "The killed worker held no claims: nothing was in flight.");

        using var successor = StartWorker(environment);
        try
        {
            await Poll.UntilAsync(async () => (await CountAsync(storage)).Rows == tickets, TimeSpan.FromSeconds(90));
        }
        finally
        {
            successor.Kill(entireProcessTree: true);
        }

        Assert.Equal(tickets, (await CountAsync(storage)).Rows);
        Assert.InRange(llm.RequestsFor(PrimaryModel).Count, tickets, tickets + concurrency);
    }

    [Fact]
    public async Task A_pending_ticket_corrected_by_a_human_gets_the_models_summary_and_tags_and_keeps_the_human_labels()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.SetDefault(PrimaryModel, LlmReply.Valid()); // high / billing / negative
        using var host = CommandHost.Build(Settings(storage, llm).Select(s => $"--{s.Key}={s.Value}").ToArray());
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TicketRepository>().AddAsync(SampleTickets.Ticket("pending-corrected"), CancellationToken.None);
            var corrections = ActivatorUtilities.CreateInstance<TriageCorrections>(scope.ServiceProvider);
            var outcome = await corrections.CorrectAsync("pending-corrected",
                new TriageCorrectionRequest("low", "technical", "positive", null, null, "Dana", null), CancellationToken.None);
            Assert.IsType<CorrectionOutcome.Corrected>(outcome);
        }

        var result = await host.Services.GetRequiredService<BacklogTriager>().DrainAsync(null, CancellationToken.None);

        Assert.Equal(new BacklogResult(1, 0), result);
        await using var check = host.Services.CreateAsyncScope();
        var records = check.ServiceProvider.GetRequiredService<TriageRepository>();
        var current = (await records.GetAsync("pending-corrected", CancellationToken.None))!;
        Assert.Equal((Priority.Low, Category.Technical, Sentiment.Positive), (current.Priority, current.Category, current.Sentiment));
        Assert.Equal(LlmReply.DefaultTriage.Summary, current.Summary);
        Assert.Equal(LlmReply.DefaultTriage.Tags, current.Tags);
        Assert.Equal((TriageSource.Human, PrimaryModel, false), (current.Source, current.Model, current.AwaitingModel));
        Assert.Equal("Dana", current.Reviewer);
        var history = await records.HistoryAsync("pending-corrected", CancellationToken.None);
        Assert.Equal([TriageSource.Primary, TriageSource.Human], history.Select(h => h.Source));
        Assert.Equal(Priority.High, history[0].Priority);
        Assert.Equivalent(current.ToOutput(), await host.Services.GetRequiredService<TriageCache>().GetAsync("pending-corrected", CancellationToken.None), strict: true);
        Assert.Equal(new BacklogResult(0, 0), await host.Services.GetRequiredService<BacklogTriager>().DrainAsync(null, CancellationToken.None));
    }

    private static Process StartWorker(IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(ServiceProject.DllPath(RepositoryRoot.Find(), "TicketSense.Worker"));
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Reports on the worker's own thread (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
