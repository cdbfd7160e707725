using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Tickets;
using TicketSense.Tests.Infrastructure;
using TicketSense.Testing.Servers;

namespace TicketSense.Tests.Integration;

/// <summary>Every outcome of <see cref="TicketIntake"/>, against real Postgres and Redis.</summary>
public sealed class TicketIntakeTests(IntakeFixture intake) : IClassFixture<IntakeFixture>
{
    private static TicketRequest Request(string id, string subject = "Invoice INV-2041 shows the wrong VAT rate", string sender = "dana.okafor@example.com") =>
        new(id, sender, subject, "The VAT on INV-2041 is 21% but we are registered in Germany (19%). Please correct it.", "2026-03-04T11:15:00+02:00");

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<TicketsDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TicketsDbContext>());
    }

    private static Task<int> ClaimsOnAsync(IServiceProvider services, string id) =>
        WithDbAsync(services, db => db.TriageClaims.CountAsync(c => c.TicketId == id));

    [Fact]
    public async Task A_valid_ticket_is_created_stored_in_utc_triaged_and_its_claim_released()
    {
        var outcome = await intake.SubmitAsync(Request("intake-1"));

        var created = Assert.IsType<IntakeOutcome.Created>(outcome).Ticket;
        Assert.Equal("intake-1", created.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 15, 0, TimeSpan.Zero), created.ReceivedAt);
        Assert.Equal(TimeSpan.Zero, created.ReceivedAt.Offset);
        Assert.NotNull(created.Triage);
        Assert.Equal(TriageSource.Local, created.TriageMeta!.Source);
        var record = await WithDbAsync(intake.Services, db => db.TicketTriages.SingleAsync(t => t.TicketId == "intake-1"));
        Assert.Equal(created.Triage.Summary, record.Summary);
        Assert.Equivalent(created.Triage, await intake.Services.GetRequiredService<TriageCache>().GetAsync("intake-1", CancellationToken.None), strict: true);
        Assert.Equal(0, await ClaimsOnAsync(intake.Services, "intake-1"));
    }

    [Fact]
    public async Task A_new_ticket_is_triaged_by_the_model_without_reading_the_cache()
    {
        // A stale cache entry for an id not yet stored (a flushed database, say): a read-through would return it.
        var stale = new TriageOutput(Priority.Critical, Category.Complaint, Sentiment.Angry, "Stale.", ["stale-entry", "never-read"]);
        var cache = intake.Services.GetRequiredService<TriageCache>();
        await cache.SetAsync("intake-stale", stale, CancellationToken.None);

        var created = Assert.IsType<IntakeOutcome.Created>(await intake.SubmitAsync(Request("intake-stale"))).Ticket;

        Assert.NotEqual("Stale.", created.Triage!.Summary);
        Assert.NotNull(created.TriageMeta);
        Assert.Equivalent(created.Triage, await cache.GetAsync("intake-stale", CancellationToken.None), strict: true);
    }

    [Fact]
    public async Task An_invalid_ticket_names_every_bad_field_and_stores_nothing()
    {
        var outcome = await intake.SubmitAsync(new TicketRequest("..", "not-an-email", null, "   ", "2026-03-04T09:15:00"));

        var errors = Assert.IsType<IntakeOutcome.Invalid>(outcome).Errors;
        Assert.Equal(["body", "id", "received_at", "sender"], errors.Keys.Order());
        Assert.Equal(0, await WithDbAsync(intake.Services, db => db.Tickets.CountAsync(t => t.Id == "..")));
    }

    [Fact]
    public async Task A_taken_id_is_a_duplicate_and_the_stored_ticket_is_unchanged()
    {
        Assert.IsType<IntakeOutcome.Created>(await intake.SubmitAsync(Request("intake-dup", subject: "The first subject")));

        var again = await intake.SubmitAsync(Request("intake-dup", subject: "An impostor subject"));

        Assert.Equal("intake-dup", Assert.IsType<IntakeOutcome.DuplicateId>(again).Id);
        Assert.Equal("The first subject", await WithDbAsync(intake.Services, db => db.Tickets.Where(t => t.Id == "intake-dup").Select(t => t.Subject).SingleAsync()));
        Assert.Equal(0, await ClaimsOnAsync(intake.Services, "intake-dup"));
    }

    [Fact]
    public async Task With_postgres_unreachable_the_outcome_is_database_unavailable()
    {
        var nowhere = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Database=tickets;Timeout=2";
        using var host = IntakeFixture.BuildHost(nowhere, intake.Storage.CacheConnectionString);

        var outcome = await IntakeFixture.SubmitAsync(host.Services, Request("intake-no-db"));

        Assert.IsType<IntakeOutcome.DatabaseUnavailable>(outcome);
    }

    [Fact]
    public async Task A_failed_triage_still_creates_the_ticket_pending_and_leaves_it_to_the_worker()
    {
        // Storage of this test's own, whose triage records Postgres refuses: the triage fails after the ticket is stored.
        await using var own = new IntakeFixture();
        await own.InitializeAsync();
        await WithDbAsync(own.Services, db => db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION refuse_triage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER refuse_triage BEFORE INSERT OR UPDATE ON ticket_triages FOR EACH ROW EXECUTE FUNCTION refuse_triage();
            """));

        var created = Assert.IsType<IntakeOutcome.Created>(await own.SubmitAsync(Request("intake-pending"))).Ticket;

        Assert.Null(created.Triage);
        Assert.Null(created.TriageMeta);
        Assert.Equal(0, await ClaimsOnAsync(own.Services, "intake-pending"));
        await using var scope = own.Services.CreateAsyncScope();
        var claimed = await scope.ServiceProvider.GetRequiredService<TriageClaimRepository>().ClaimAsync("worker-test", 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(["intake-pending"], claimed);
    }
}
