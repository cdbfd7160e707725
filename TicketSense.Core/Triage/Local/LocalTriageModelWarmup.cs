using Microsoft.Extensions.Hosting;

namespace TicketSense.Core.Triage.Local;

/// <summary>Starts loading (or training) the local model when the host starts, without delaying the start; <c>/ready</c> reports when it is done.</summary>
public sealed class LocalTriageModelWarmup(LocalTriageModelProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = provider.GetAsync(CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
