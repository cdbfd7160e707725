using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Learning;
using TicketSense.Core.Triage.Local;
using TicketSense.Tests.Infrastructure;
using TicketSense.Worker;
using TicketSense.Worker.Learning;

namespace TicketSense.Tests.Integration.Api;

/// <summary>
/// The local model learning from corrections, over real Postgres and Redis: versions stored in Postgres, trained by a
/// Worker, served by every replica without a restart. Each test has a database of its own (versions are per database).
/// </summary>
public sealed class ModelApiTests
{
    private static readonly Dictionary<string, string?> FastPolling = new() { ["Triage:ModelPollSeconds"] = "0.2" };

    [Fact]
    public async Task A_fresh_database_serves_version_1_trained_on_the_seed_alone()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var api = await StartApiAsync(storage);
        using var client = api.CreateClient();

        var model = await GetModelAsync(client);
        var ticket = await PostTicketAsync(client, "first-ticket");

        Assert.Equal((1, ModelStatus.Ready, 300, 0), (model.Version, model.Status, model.Examples, model.Corrections));
        Assert.Equal("local-mlnet-v1", ticket.TriageMeta!.Model);
    }

    [Fact]
    public async Task Asking_for_a_retrain_during_a_training_joins_it_and_the_new_version_learns_the_corrections()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var api = await StartApiAsync(storage);
        using var client = api.CreateClient();
        foreach (var id in new[] { "learn-1", "learn-2", "learn-3" })
        {
            await PostTicketAsync(client, id);
            await CorrectAsync(client, id, new { priority = "critical", category = "complaint", reviewer = "Dana" });
        }
        using var worker = BuildWorker(storage);
        using var stop = new CancellationTokenSource();

        var first = await client.PostAsync("/model/retrain", null);
        var training = worker.Services.GetRequiredService<ModelTrainer>().RunDueAsync(stop.Token);
        await Poll.UntilAsync(async () => (await TrainingsAsync(storage)).Single().StartedAt is not null, TimeSpan.FromSeconds(30));
        var during = await client.PostAsync("/model/retrain", null);
        var duringBody = (await during.Content.ReadFromJsonAsync<ModelResponse>(TicketSenseJson.Options))!;
        await Poll.UntilAsync(async () => (await GetModelAsync(client)).Version == 2, TimeSpan.FromSeconds(60));
        await stop.CancelAsync(); // the cross-validation that follows is not this test's business
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => training);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, during.StatusCode);
        Assert.Equal("/model", during.Headers.Location?.OriginalString);
        Assert.Equal((1, ModelStatus.Training), (duringBody.Version, duringBody.Status));
        var trainings = await TrainingsAsync(storage);
        var only = Assert.Single(trainings);
        Assert.Equal((ModelTraining.Requested, 2), (only.Reason, only.Version));
        var model = await GetModelAsync(client);
        Assert.Equal((2, ModelStatus.Ready, 303, 3), (model.Version, model.Status, model.Examples, model.Corrections));
    }

    [Fact]
    public async Task Two_replicas_switch_to_a_new_version_within_seconds_without_a_restart_or_a_failed_request()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var one = await StartApiAsync(storage);
        await using var two = await StartApiAsync(storage);
        using var clientOne = one.CreateClient();
        using var clientTwo = two.CreateClient();
        await PostTicketAsync(clientOne, "replica-ticket");
        Assert.Equal("local-mlnet-v1", (await RetriageAsync(clientTwo, "replica-ticket")).TriageMeta!.Model);
        await CorrectAsync(clientTwo, "replica-ticket", new { priority = "low", reviewer = "Dana" });

        // Requests go on against replica one while the new version is trained, stored and swapped in.
        using var stopLoad = new CancellationTokenSource();
        var statuses = new List<HttpStatusCode>();
        var load = Task.Run(async () =>
        {
            while (!stopLoad.IsCancellationRequested)
            {
                using var response = await clientOne.PostAsync("/tickets/replica-ticket/triage", null, CancellationToken.None);
                lock (statuses) statuses.Add(response.StatusCode);
                await Task.Delay(20, CancellationToken.None); // a steady stream, not a CPU hog beside the training
            }
        });
        using var worker = BuildWorker(storage);
        using var stopTraining = new CancellationTokenSource();
        await clientOne.PostAsync("/model/retrain", null);
        var training = worker.Services.GetRequiredService<ModelTrainer>().RunDueAsync(stopTraining.Token);
        await Poll.UntilAsync(async () => (await GetModelAsync(clientTwo)).Version == 2, TimeSpan.FromSeconds(60));
        var stored = Stopwatch.StartNew();
        await Poll.UntilAsync(async () =>
            (await RetriageAsync(clientOne, "replica-ticket")).TriageMeta!.Model == "local-mlnet-v2" &&
            (await RetriageAsync(clientTwo, "replica-ticket")).TriageMeta!.Model == "local-mlnet-v2", TimeSpan.FromSeconds(10));
        var switchedWithin = stored.Elapsed;
        await stopLoad.CancelAsync();
        await load;
        await stopTraining.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => training);

        Assert.True(switchedWithin < TimeSpan.FromSeconds(5), $"The replicas switched {switchedWithin.TotalSeconds:F1} s after the version was stored.");
        Assert.NotEmpty(statuses);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(2, worker.Services.GetRequiredService<LocalTriageModelProvider>().ServingVersion);
    }

    [Fact]
    public async Task The_worker_trains_by_itself_after_RetrainEvery_corrections_and_cross_validates_each_version()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var api = await StartApiAsync(storage);
        using var client = api.CreateClient();
        using var worker = BuildWorker(storage, ("Triage:RetrainEvery", "3"));
        await worker.StartAsync();
        try
        {
            await Poll.UntilAsync(async () => (await GetModelAsync(client)).Accuracy is not null, TimeSpan.FromSeconds(120));
            var seedOnly = await GetModelAsync(client);
            foreach (var id in new[] { "auto-1", "auto-2", "auto-3" }) await PostTicketAsync(client, id);
            await CorrectAsync(client, "auto-1", new { category = "feature_request", reviewer = "Dana" });
            await CorrectAsync(client, "auto-2", new { sentiment = "positive", reviewer = "Dana" });
            await Task.Delay(TimeSpan.FromSeconds(2)); // ten polls: two corrections start nothing
            var afterTwo = await GetModelAsync(client);
            await CorrectAsync(client, "auto-3", new { priority = "high", reviewer = "Dana" });
            await Poll.UntilAsync(async () => (await GetModelAsync(client)).Version == 2, TimeSpan.FromSeconds(60));

            Assert.Equal((1, 0), (seedOnly.Version, seedOnly.Corrections));
            Assert.All([seedOnly.Accuracy!.Priority, seedOnly.Accuracy.Category, seedOnly.Accuracy.Sentiment], a => Assert.InRange(a, 0.4, 1));
            Assert.Equal((1, ModelStatus.Ready), (afterTwo.Version, afterTwo.Status));
            var retrained = await GetModelAsync(client);
            Assert.Equal((2, 303, 3), (retrained.Version, retrained.Examples, retrained.Corrections));
            Assert.Equal(ModelTraining.NewCorrections, Assert.Single(await TrainingsAsync(storage)).Reason);
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    private static async Task<ApiFactory> StartApiAsync(StorageFixture storage)
    {
        var api = new ApiFactory(storage, FastPolling);
        api.CreateClient().Dispose();
        await api.WaitUntilMigratedAsync();
        await api.Services.GetRequiredService<LocalTriageModelProvider>().GetAsync(CancellationToken.None);
        return api;
    }

    /// <summary>The Worker's registrations (its trainer among them) over <paramref name="storage"/>, in local mode; started only by the caller.</summary>
    private static IHost BuildWorker(StorageFixture storage, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:tickets"] = storage.TicketsConnectionString;
        builder.Configuration["ConnectionStrings:cache"] = storage.CacheConnectionString;
        builder.Configuration["Triage:Mode"] = "local";
        builder.Configuration["Triage:ModelPollSeconds"] = "0.2";
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        builder.AddTicketSenseWorker(migrateAtStart: true);
        builder.Services.AddHostedService<ModelTrainingService>();
        return builder.Build();
    }

    private static async Task<ModelResponse> GetModelAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<ModelResponse>("/model", TicketSenseJson.Options))!;

    private static async Task<TicketResponse> PostTicketAsync(HttpClient client, string id)
    {
        var response = await client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket(id));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
    }

    private static async Task<TicketResponse> RetriageAsync(HttpClient client, string id)
    {
        var response = await client.PostAsync($"/tickets/{id}/triage", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
    }

    private static async Task CorrectAsync(HttpClient client, string id, object correction) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/tickets/{id}/triage", correction)).StatusCode);

    private static async Task<List<ModelTraining>> TrainingsAsync(StorageFixture storage)
    {
        await using var scope = storage.Scope();
        return await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().ModelTrainings.AsNoTracking().ToListAsync();
    }
}
