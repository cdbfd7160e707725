using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSense.Contracts;
using TicketSense.Core.Tickets;
using TicketSense.Core.Triage;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Tests.Infrastructure;

/// <summary>Storage of a test class's own and the ticket intake over it, registered as the Api does, in local triage mode.</summary>
public sealed class IntakeFixture : IAsyncLifetime, IAsyncDisposable
{
    private IHost? _host;

    public StorageFixture Storage { get; } = new();

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        await Storage.InitializeAsync();
        _host = BuildHost(Storage.TicketsConnectionString, Storage.CacheConnectionString);
        // Trained (once per run) or loaded before any test's clock starts, as the Api's warm-up does.
        await Services.GetRequiredService<LocalTriageModelProvider>().GetAsync(CancellationToken.None);
    }

    /// <summary>Storage, triage and the intake over the given stores, as the Api registers them.</summary>
    public static IHost BuildHost(string ticketsConnectionString, string cacheConnectionString) =>
        StorageFixture.BuildHost(ticketsConnectionString, cacheConnectionString, builder =>
        {
            builder.Configuration["Triage:Mode"] = "local";
            builder.AddTicketSenseTriage();
            builder.Services.AddScoped<TicketIntake>();
        });

    public async Task<IntakeOutcome> SubmitAsync(TicketRequest request) => await SubmitAsync(Services, request);

    public static async Task<IntakeOutcome> SubmitAsync(IServiceProvider services, TicketRequest request)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketIntake>().SubmitAsync(request, CancellationToken.None);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await Storage.DisposeAsync();
    }
}
