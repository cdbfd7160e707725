namespace TicketSense.Core.Triage;

// Placeholder until the local-model branch lands (issue 4).
public sealed class LocalTriageModelProvider
{
    public bool IsReady => true;

    public Task<LocalTriageModel> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new LocalTriageModel());
}
