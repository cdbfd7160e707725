using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Core.Triage.Local;
using TicketSense.Contracts;

namespace TicketSense.Tests.Infrastructure;

/// <summary>A test class's own storage and an Api over it, in local triage mode.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public StorageFixture Storage { get; } = new();

    public ApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Storage.InitializeAsync();
        Factory = new ApiFactory(Storage);
        Client = Factory.CreateClient();
        await Factory.WaitUntilMigratedAsync();
        // Ready as /ready says, before any test's clock starts: the local model is trained (once per run) or loaded.
        await Factory.Services.GetRequiredService<LocalTriageModelProvider>().GetAsync(CancellationToken.None);
    }

    public static object NewTicket(string id, string subject = "Invoice INV-88 charged twice", string body = "We were charged twice for INV-88 on our Visa card. Please refund one of the charges.") => new
    {
        id,
        sender = "maya.okafor@northwind-logistics.com",
        subject,
        body,
        received_at = "2026-03-04T09:15:00Z",
    };

    public async Task<TicketResponse> PostAsync(string id, string subject = "Invoice INV-88 charged twice")
    {
        var response = await Client.PostAsJsonAsync("/tickets", NewTicket(id, subject));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
