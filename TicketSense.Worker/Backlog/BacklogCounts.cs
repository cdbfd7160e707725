namespace TicketSense.Worker.Backlog;

/// <summary>Tickets triaged and failed so far in one pass, counted from every triager at once.</summary>
internal sealed class BacklogCounts
{
    private int _triaged;
    private int _failed;

    public void Triaged() => Interlocked.Increment(ref _triaged);

    public void Failed() => Interlocked.Increment(ref _failed);

    public int Done => Volatile.Read(ref _triaged) + Volatile.Read(ref _failed);

    public BacklogResult Result => new(Volatile.Read(ref _triaged), Volatile.Read(ref _failed));
}
