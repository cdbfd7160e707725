using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration;

public sealed class SchemaTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task A_new_ticket_is_announced_on_tickets_created_with_its_id()
    {
        await using var listener = new NpgsqlConnection(storage.TicketsConnectionString);
        await listener.OpenAsync();
        var received = new TaskCompletionSource<(string Channel, string Payload)>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) => received.TrySetResult((e.Channel, e.Payload));
        await using (var listen = new NpgsqlCommand($"LISTEN {TicketsDbContext.TicketsCreatedChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await using (var scope = storage.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<TicketRepository>().AddAsync(SampleTickets.Ticket("notify-1"), CancellationToken.None);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!received.Task.IsCompleted)
        {
            await listener.WaitAsync(timeout.Token);
        }

        Assert.Equal(("tickets_created", "notify-1"), await received.Task);
    }

    [Fact]
    public async Task Concurrent_migrations_of_a_fresh_database_both_succeed_and_apply_once()
    {
        var server = await TestServers.PostgresAsync();
        var name = $"m_{Guid.NewGuid():N}";
        await server.CreateDatabaseAsync(name);
        try
        {
            var connectionString = server.ConnectionString(name);

            async Task Migrate()
            {
                await using var db = new TicketsDbContext(new DbContextOptionsBuilder<TicketsDbContext>().UseNpgsql(connectionString).Options);
                await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            }

            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(Migrate)));

            await using var check = new TicketsDbContext(new DbContextOptionsBuilder<TicketsDbContext>().UseNpgsql(connectionString).Options);
            Assert.Empty(await check.Database.GetPendingMigrationsAsync());
            Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await check.Tickets.CountAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task The_tables_have_the_designs_columns()
    {
        await using var connection = new NpgsqlConnection(storage.TicketsConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""
            SELECT table_name || '.' || column_name || ':' || data_type
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name IN ('tickets', 'ticket_triages', 'ticket_triage_history', 'triage_claims')
            ORDER BY table_name, ordinal_position
            """, connection);
        var columns = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }

        Assert.Equal(
        [
            "ticket_triage_history.id:bigint", "ticket_triage_history.ticket_id:text", "ticket_triage_history.source:text",
            "ticket_triage_history.model:text", "ticket_triage_history.reviewer:text", "ticket_triage_history.note:text",
            "ticket_triage_history.priority:text", "ticket_triage_history.category:text", "ticket_triage_history.sentiment:text",
            "ticket_triage_history.summary:text", "ticket_triage_history.tags:ARRAY",
            "ticket_triage_history.confidence_priority:double precision", "ticket_triage_history.confidence_category:double precision",
            "ticket_triage_history.confidence_sentiment:double precision", "ticket_triage_history.at:timestamp with time zone",
            "ticket_triage_history.actor:text",
            "ticket_triages.ticket_id:text", "ticket_triages.priority:text", "ticket_triages.category:text",
            "ticket_triages.sentiment:text", "ticket_triages.summary:text", "ticket_triages.tags:ARRAY",
            "ticket_triages.model:text", "ticket_triages.source:text", "ticket_triages.prompt_version:text",
            "ticket_triages.attempts:integer", "ticket_triages.latency_ms:integer",
            "ticket_triages.triaged_at:timestamp with time zone",
            "ticket_triages.awaiting_model:boolean", "ticket_triages.confidence_category:double precision",
            "ticket_triages.confidence_priority:double precision", "ticket_triages.confidence_sentiment:double precision",
            "ticket_triages.corrected_at:timestamp with time zone", "ticket_triages.human_fields:ARRAY", "ticket_triages.reviewer:text",
            "tickets.id:text", "tickets.sender:text", "tickets.subject:text", "tickets.body:text",
            "tickets.received_at:timestamp with time zone", "tickets.created_at:timestamp with time zone",
            "tickets.created_by:text", "tickets.origin:text",
            "triage_claims.ticket_id:text", "triage_claims.worker_id:text", "triage_claims.lease_until:timestamp with time zone",
        ], columns);
    }

    [Fact]
    public async Task The_human_corrections_migration_backfills_the_history_from_existing_triages()
    {
        var server = await TestServers.PostgresAsync();
        var name = $"m_{Guid.NewGuid():N}";
        await server.CreateDatabaseAsync(name);
        try
        {
            await using var db = new TicketsDbContext(new DbContextOptionsBuilder<TicketsDbContext>().UseNpgsql(server.ConnectionString(name)).Options);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261124113212_InitialSchema");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO tickets (id, sender, subject, body, received_at) VALUES
                    ('old-1', 'a@example.com', 's', 'b', '2026-03-04T09:15:00Z'), ('old-2', 'a@example.com', 's', 'b', '2026-03-04T09:15:00Z');
                INSERT INTO ticket_triages (ticket_id, priority, category, sentiment, summary, tags, model, source, prompt_version, attempts, latency_ms, triaged_at)
                VALUES ('old-1', 'high', 'billing', 'angry', 'The customer was charged twice.', ARRAY['double-charge', 'refund-request'],
                    'llama-test', 'primary', 'triage-v1', 2, 900, '2026-03-04T09:16:00Z');
                """);

            await migrator.MigrateAsync();

            var history = await db.TriageHistory.AsNoTracking().ToListAsync();
            var entry = Assert.Single(history);
            Assert.Equal(("old-1", TriageSource.Primary, "llama-test", (string?)null, (string?)null), (entry.TicketId, entry.Source, entry.Model, entry.Reviewer, entry.Note));
            Assert.Equal((Priority.High, Category.Billing, Sentiment.Angry), (entry.Priority, entry.Category, entry.Sentiment));
            Assert.Equal(["double-charge", "refund-request"], entry.Tags);
            Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 16, 0, TimeSpan.Zero), entry.At);
            Assert.Null(entry.ConfidencePriority);
            var current = await db.TicketTriages.AsNoTracking().SingleAsync();
            Assert.Equal((TriageSource.Primary, false, 0, (double?)null), (current.Source, current.AwaitingModel, current.HumanFields.Count, current.ConfidenceCategory));
            await db.Database.ExecuteSqlRawAsync("UPDATE ticket_triages SET source = 'human'"); // the check constraint allows it now
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(name);
        }
    }
}
