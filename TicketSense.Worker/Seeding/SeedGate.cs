namespace TicketSense.Worker.Seeding;

/// <summary>Opens once the start-up seed load is done (or there is none), so the backlog starts with the seed in place.</summary>
public sealed class SeedGate
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _done.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => _done.Task.WaitAsync(cancellationToken);
}
