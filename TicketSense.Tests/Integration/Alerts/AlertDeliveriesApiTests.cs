using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Alerts;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Alerts;

/// <summary><c>GET /alerts/deliveries</c>: its shape, order, limit and status filter, and a 400 naming a bad parameter.</summary>
public sealed class AlertDeliveriesApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_deliveries_are_listed_newest_first_with_the_counts_by_status()
    {
        Guid older = Guid.CreateVersion7(), newer = Guid.CreateVersion7();
        await using (var scope = api.Factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<AlertOutbox>();
            foreach (var id in new[] { older, newer })
            {
                await outbox.EnqueueAsync("https://hooks.example.com/ops", AlertEvent.Spike, id, "{}", null, null, CancellationToken.None);
                await Task.Delay(10); // created_at orders them
            }
        }

        var all = (await api.Client.GetFromJsonAsync<AlertDeliveryList>("/alerts/deliveries", TicketSenseJson.Options))!;
        var one = (await api.Client.GetFromJsonAsync<AlertDeliveryList>("/alerts/deliveries?limit=1&status=pending", TicketSenseJson.Options))!;
        var delivered = (await api.Client.GetFromJsonAsync<AlertDeliveryList>("/alerts/deliveries?status=delivered", TicketSenseJson.Options))!;
        var raw = await api.Client.GetFromJsonAsync<JsonElement>("/alerts/deliveries?limit=1");

        Assert.Equal([newer, older], all.Items.Select(i => i.DeliveryId));
        Assert.Equal(new AlertDeliveryItem(newer, "https://hooks.example.com/ops", null, AlertEvent.Spike, AlertDeliveryStatus.Pending, 0, null, null), one.Items.Single());
        Assert.Empty(delivered.Items);
        Assert.Equal(new AlertDeliveryCounts(2, 0, 0), delivered.Counts);
        Assert.Equal(
            ["delivery_id", "endpoint", "ticket_id", "event", "status", "attempts", "last_attempt_at", "last_status"],
            raw.GetProperty("items")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["pending", "delivered", "failed"], raw.GetProperty("counts").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("status=sent", "status")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string field)
    {
        var response = await api.Client.GetAsync($"/alerts/deliveries?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
    }
}
