namespace TicketSense.Core.Data;

/// <summary>Whether this process has seen the database fully migrated; readiness and background work wait on it.</summary>
public sealed class DatabaseState
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsMigrated => _migrated.Task.IsCompleted;

    public void MarkMigrated() => _migrated.TrySetResult();

    /// <summary>Completes once the database is migrated (at once if it already is).</summary>
    public Task WaitUntilMigratedAsync(CancellationToken cancellationToken) => _migrated.Task.WaitAsync(cancellationToken);
}
