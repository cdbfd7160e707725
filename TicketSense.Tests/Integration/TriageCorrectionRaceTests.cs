using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Tickets;
using TicketSense.Core.Triage;
using TicketSense.Testing.FakeLlm;
using TicketSense.Tests.Infrastructure;
using TicketSense.Worker.Commands;

namespace TicketSense.Tests.Integration;

/// <summary>A correction that lands while a model is still thinking about the same ticket.</summary>
public sealed class TriageCorrectionRaceTests
{
    private const string PrimaryModel = "primary-model";

    [Fact]
    public async Task A_model_answer_arriving_after_a_correction_keeps_the_human_fields()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.SetDefault(PrimaryModel, LlmReply.Valid()); // high / billing / negative
        using var host = CommandHost.Build(
        [
            $"--ConnectionStrings:tickets={storage.TicketsConnectionString}", $"--ConnectionStrings:cache={storage.CacheConnectionString}",
            "--Triage:Mode=llm", "--Triage:ApiKey=sk-test-race", $"--Triage:Endpoint={llm.BaseUrl}",
            $"--Triage:PrimaryModel={PrimaryModel}", "--Triage:FallbackModel=fallback-model",
        ]);
        var ticket = SampleTickets.Ticket("race-1");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TicketRepository>().AddAsync(ticket, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<TriageService>().TriageAsync(ticket, force: true, CancellationToken.None);
        }
        llm.SetDefault(PrimaryModel, LlmReply.Delayed(TimeSpan.FromSeconds(1), LlmReply.Valid()));

        await using var triageScope = host.Services.CreateAsyncScope();
        var retriage = triageScope.ServiceProvider.GetRequiredService<TriageService>().TriageAsync(ticket, force: true, CancellationToken.None);
        while (llm.RequestsFor(PrimaryModel).Count < 2) await Task.Delay(10);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var outcome = await ActivatorUtilities.CreateInstance<TriageCorrections>(scope.ServiceProvider).CorrectAsync(
                "race-1", new TriageCorrectionRequest("low", null, null, null, null, "Dana", "Not urgent at all."), CancellationToken.None);
            Assert.IsType<CorrectionOutcome.Corrected>(outcome);
        }
        var answered = await retriage;

        Assert.Equal(Priority.Low, answered.Output.Priority);
        Assert.Equal(TriageSource.Human, answered.Meta!.Source);
        await using var check = host.Services.CreateAsyncScope();
        var records = check.ServiceProvider.GetRequiredService<TriageRepository>();
        Assert.Equal(Priority.Low, (await records.GetAsync("race-1", CancellationToken.None))!.Priority);
        var history = await records.HistoryAsync("race-1", CancellationToken.None);
        Assert.Equal([TriageSource.Primary, TriageSource.Human, TriageSource.Primary], history.Select(h => h.Source));
        Assert.Equal(Priority.High, history[0].Priority);
        Assert.Equal(Priority.Low, (await host.Services.GetRequiredService<TriageCache>().GetAsync("race-1", CancellationToken.None))!.Priority);
    }
}
