using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;
using TicketSense.Core.Triage.Local;
using TicketSense.Testing.FakeLlm;

namespace TicketSense.Tests.Integration;

/// <summary>An LLM states no confidence: its answer carries the local model's second opinion on its labels.</summary>
public sealed class LlmConfidenceTests
{
    [Fact]
    public async Task An_LLM_answer_carries_the_local_models_second_opinion_as_its_confidence()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        var cache = Directory.CreateTempSubdirectory("ticketsense-tests-models-");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Triage:Mode"] = "llm",
            ["Triage:ApiKey"] = "sk-test-confidence",
            ["Triage:Endpoint"] = llm.BaseUrl.ToString(),
            ["Triage:PrimaryModel"] = "primary-model",
            ["Triage:FallbackModel"] = "fallback-model",
            ["Triage:LocalModelCache"] = cache.FullName,
        });
        builder.AddTicketSenseTriage();
        using var host = builder.Build();
        var ticket = TicketDataset.Load(DataPath.Resolve(null), TicketDataset.HoldoutFolder).Tickets[0];
        var labels = new TriageOutput(Priority.Low, Category.FeatureRequest, Sentiment.Positive, "The customer asks for a new export format.", ["export", "feature-idea"]);
        llm.Enqueue("primary-model", LlmReply.Valid(labels));

        var answer = await host.Services.GetRequiredService<TriageModels>().AskAsync(ticket, CancellationToken.None);

        var local = await host.Services.GetRequiredService<LocalTriageModelProvider>().GetAsync(CancellationToken.None);
        Assert.Equal(TriageSource.Primary, answer.Source);
        Assert.Equal(SecondOpinion.Of(local.Agreement(ticket, labels)), answer.Confidence);
        Assert.InRange(answer.Confidence.Lowest, 0.5, 1);
        cache.Delete(recursive: true);
    }
}
