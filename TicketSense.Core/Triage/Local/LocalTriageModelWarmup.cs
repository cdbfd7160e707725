using Microsoft.Extensions.Hosting;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// Starts loading (or training) the seed-trained local model when the host starts, without delaying the start;
/// <c>/ready</c> reports when it is done. It touches no database: with storage, the stored version is loaded by
/// <c>ModelVersionSync</c> once the schema is migrated (a warm-up that read it earlier met a missing table).
/// </summary>
public sealed class LocalTriageModelWarmup(LocalTriageModelProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = provider.GetSeedModelAsync(CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
