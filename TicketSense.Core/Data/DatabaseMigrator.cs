using Microsoft.EntityFrameworkCore;

namespace TicketSense.Core.Data;

/// <summary>
/// Applies pending EF migrations under a Postgres advisory lock, so an Api and a Worker (or several replicas)
/// starting at once migrate one after another instead of racing on the same DDL.
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>An arbitrary, fixed advisory-lock key: "TktSense" in ASCII.</summary>
    private const long MigrationLockKey = 0x546B7453656E7365;

    public static async Task MigrateAsync(TicketsDbContext db, CancellationToken cancellationToken)
    {
        // The lock is per session: hold one connection open across lock, migrate and unlock.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
