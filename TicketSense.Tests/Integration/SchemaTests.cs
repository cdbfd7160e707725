using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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
            WHERE table_schema = 'public' AND table_name IN ('tickets', 'ticket_triages', 'triage_claims')
            ORDER BY table_name, ordinal_position
            """, connection);
        var columns = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }

        Assert.Equal(
        [
            "ticket_triages.ticket_id:text", "ticket_triages.priority:text", "ticket_triages.category:text",
            "ticket_triages.sentiment:text", "ticket_triages.summary:text", "ticket_triages.tags:ARRAY",
            "ticket_triages.model:text", "ticket_triages.source:text", "ticket_triages.prompt_version:text",
            "ticket_triages.attempts:integer", "ticket_triages.latency_ms:integer",
            "ticket_triages.triaged_at:timestamp with time zone",
            "tickets.id:text", "tickets.sender:text", "tickets.subject:text", "tickets.body:text",
            "tickets.received_at:timestamp with time zone", "tickets.created_at:timestamp with time zone",
            "triage_claims.ticket_id:text", "triage_claims.worker_id:text", "triage_claims.lease_until:timestamp with time zone",
        ], columns);
    }
}
