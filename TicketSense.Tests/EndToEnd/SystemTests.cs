using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.EndToEnd;

/// <summary>The system as the AppHost declares it: every resource healthy, a posted ticket triaged, the triage key a secret.</summary>
[Collection(SystemCollection.Name)]
public sealed class SystemTests(SystemFixture system)
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("tickets")]
    [InlineData("cache")]
    [InlineData("api")]
    [InlineData("web")]
    public async Task Each_resource_is_healthy(string resource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var state = await system.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
    }

    [Fact]
    public async Task A_posted_ticket_is_stored_triaged_and_counted()
    {
        var before = await system.WaitUntilTriagedAsync(0);

        var created = await system.Api.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("e2e-system-1"));

        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var after = await system.WaitUntilTriagedAsync(before.TotalTickets + 1);
        Assert.Equal(before.TotalTickets + 1, after.TotalTickets);
    }

    [Fact]
    public async Task The_triage_settings_reach_the_api_and_worker_as_parameters_the_key_as_a_secret()
    {
        var model = system.App.Services.GetRequiredService<DistributedApplicationModel>();

        var key = model.Resources.OfType<ParameterResource>().Single(p => p.Name == "triage-apikey");
        var mode = model.Resources.OfType<ParameterResource>().Single(p => p.Name == "triage-mode");

        Assert.True(key.Secret);
        Assert.False(mode.Secret);
        Assert.Equal("", await key.GetValueAsync(CancellationToken.None)); // unset means local mode, and nothing blocked the start
        var info = await system.Api.GetFromJsonAsync<JsonElement>("/info");
        Assert.Equal("local", info.GetProperty("mode").GetString());
    }
}
