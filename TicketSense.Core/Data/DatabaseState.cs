namespace TicketSense.Core.Data;

/// <summary>Whether this process has seen the database fully migrated; readiness waits on it.</summary>
public sealed class DatabaseState
{
    private volatile bool _migrated;

    public bool IsMigrated => _migrated;

    public void MarkMigrated() => _migrated = true;
}
