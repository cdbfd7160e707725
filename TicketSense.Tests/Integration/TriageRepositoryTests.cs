using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration;

public sealed class TriageRepositoryTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private async Task AddTicket(string id)
    {
        await using var scope = storage.Scope();
        await scope.ServiceProvider.GetRequiredService<TicketRepository>().AddAsync(SampleTickets.Ticket(id), CancellationToken.None);
    }

    private async Task Upsert(TicketTriage triage)
    {
        await using var scope = storage.Scope();
        await scope.ServiceProvider.GetRequiredService<TriageRepository>().UpsertAsync(triage, CancellationToken.None);
    }

    private async Task<TicketTriage?> Get(string id)
    {
        await using var scope = storage.Scope();
        return await scope.ServiceProvider.GetRequiredService<TriageRepository>().GetAsync(id, CancellationToken.None);
    }

    [Fact]
    public async Task Upsert_writes_every_field_and_reads_it_back()
    {
        await AddTicket("tr-1");
        var triage = SampleTickets.Triage("tr-1", Priority.High, Category.FeatureRequest, Sentiment.Negative, TriageSource.Fallback);

        await Upsert(triage);
        var read = await Get("tr-1");

        Assert.NotNull(read);
        Assert.Equal(triage.ToOutput() with { Tags = read.Tags }, read.ToOutput());
        Assert.Equal(triage.Tags, read.Tags);
        Assert.Equal(triage.ToMeta(), read.ToMeta());
        Assert.Equal(triage.LatencyMs, read.LatencyMs);
    }

    [Fact]
    public async Task A_second_upsert_replaces_the_one_record()
    {
        await AddTicket("tr-2");
        await Upsert(SampleTickets.Triage("tr-2", Priority.Low));
        var replacement = SampleTickets.Triage("tr-2", Priority.Critical, source: TriageSource.Primary);
        replacement.Tags = ["outage", "api-errors", "eu-region"];
        replacement.Attempts = 3;

        await Upsert(replacement);

        var read = await Get("tr-2");
        Assert.Equal(Priority.Critical, read!.Priority);
        Assert.Equal(TriageSource.Primary, read.Source);
        Assert.Equal(["outage", "api-errors", "eu-region"], read.Tags);
        Assert.Equal(3, read.Attempts);
        await using var scope = storage.Scope();
        var rows = await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().TicketTriages.CountAsync(t => t.TicketId == "tr-2");
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task An_unknown_ticket_has_no_record()
    {
        Assert.Null(await Get("tr-none"));
    }

    [Fact]
    public async Task A_record_for_a_ticket_that_does_not_exist_is_refused_by_the_foreign_key()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => Upsert(SampleTickets.Triage("tr-ghost")));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }

    [Theory]
    [InlineData("priority", "super_high")]
    [InlineData("category", "Billing")]
    [InlineData("sentiment", "furious")]
    [InlineData("source", "openai")]
    public async Task The_check_constraints_refuse_values_outside_the_enums(string column, string value)
    {
        var id = $"tr-check-{column}";
        await AddTicket(id);
        await using var connection = new NpgsqlConnection(storage.TicketsConnectionString);
        await connection.OpenAsync();
        var values = new Dictionary<string, string> { ["priority"] = "low", ["category"] = "billing", ["sentiment"] = "neutral", ["source"] = "local" };
        values[column] = value;
        await using var insert = new NpgsqlCommand("""
            INSERT INTO ticket_triages (ticket_id, priority, category, sentiment, summary, tags, model, source, prompt_version, attempts, latency_ms, triaged_at)
            VALUES ($1, $2, $3, $4, 'x', ARRAY['a-b','c-d'], 'm', $5, 'v1', 1, 1, now())
            """, connection)
        {
            Parameters = { new() { Value = id }, new() { Value = values["priority"] }, new() { Value = values["category"] },
                new() { Value = values["sentiment"] }, new() { Value = values["source"] } },
        };

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal($"ck_ticket_triages_{column}", error.ConstraintName);
    }
}
