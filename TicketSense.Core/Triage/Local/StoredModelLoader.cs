namespace TicketSense.Core.Triage.Local;

/// <summary>
/// Loads the newest model version stored in Postgres into the <see cref="LocalTriageModelProvider"/> of a process that
/// has storage. Its presence makes the provider serve stored versions, not the seed-trained model alone; it is called
/// when the first answer is wanted before the background sync has loaded a version.
/// </summary>
public sealed class StoredModelLoader(Func<CancellationToken, Task> loadNewest)
{
    public Task LoadNewestAsync(CancellationToken cancellationToken) => loadNewest(cancellationToken);
}
