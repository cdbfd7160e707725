using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration;

public sealed class TicketRepositoryTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private async Task<T> WithScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = storage.Scope();
        return await action(scope.ServiceProvider);
    }

    private Task<AddTicketResult> Add(Ticket ticket) =>
        WithScope(s => s.GetRequiredService<TicketRepository>().AddAsync(ticket, CancellationToken.None));

    private Task<TicketWithTriage?> Get(string id) =>
        WithScope(s => s.GetRequiredService<TicketRepository>().GetAsync(id, CancellationToken.None));

    private Task Triage(TicketTriage triage) =>
        WithScope(async s => { await s.GetRequiredService<TriageRepository>().UpsertAsync(triage, CancellationToken.None); return 0; });

    [Fact]
    public async Task A_ticket_added_with_a_claim_is_left_to_its_claimant_until_released()
    {
        var added = await WithScope(s => s.GetRequiredService<TriageClaimRepository>()
            .AddClaimedAsync(SampleTickets.Ticket("claimed-1"), "api:test", TimeSpan.FromMinutes(5), CancellationToken.None));
        var whileClaimed = await WithScope(s => s.GetRequiredService<TriageClaimRepository>().ClaimAsync("worker-a", 100, TimeSpan.FromMinutes(1), CancellationToken.None));
        await WithScope(async s => { await s.GetRequiredService<TriageClaimRepository>().ReleaseAsync("claimed-1", "api:test", CancellationToken.None); return 0; });
        var afterRelease = await WithScope(s => s.GetRequiredService<TriageClaimRepository>().ClaimAsync("worker-a", 100, TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.False(added.IsDuplicateId);
        Assert.DoesNotContain("claimed-1", whileClaimed);
        Assert.Contains("claimed-1", afterRelease);
    }

    [Fact]
    public async Task A_duplicate_id_added_with_a_claim_takes_no_claim()
    {
        await Add(SampleTickets.Ticket("claimed-dup"));
        var again = await WithScope(s => s.GetRequiredService<TriageClaimRepository>()
            .AddClaimedAsync(SampleTickets.Ticket("claimed-dup", subject: "Another subject"), "api:test", TimeSpan.FromMinutes(5), CancellationToken.None));
        var claimable = await WithScope(s => s.GetRequiredService<TriageClaimRepository>().ClaimAsync("worker-b", 100, TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.True(again.IsDuplicateId);
        Assert.Contains("claimed-dup", claimable);
        Assert.Equal(SampleTickets.Ticket("claimed-dup").Subject, (await Get("claimed-dup"))!.Ticket.Subject);
    }

    [Fact]
    public async Task An_added_ticket_reads_back_with_its_creation_time_and_no_triage()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var result = await Add(SampleTickets.Ticket("add-1"));
        var read = await Get("add-1");

        Assert.False(result.IsDuplicateId);
        Assert.NotNull(read);
        Assert.Equal("add-1", read.Ticket.Id);
        Assert.Equal(SampleTickets.Ticket("add-1").Body, read.Ticket.Body);
        Assert.InRange(read.Ticket.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(result.Stored!.CreatedAt, read.Ticket.CreatedAt);
        Assert.Null(read.Triage);
        Assert.Null(read.ToResponse().Triage);
    }

    [Fact]
    public async Task A_duplicate_id_is_an_outcome_and_leaves_the_first_row_untouched()
    {
        var first = await Add(SampleTickets.Ticket("dup-1", subject: "The first subject"));
        var second = await Add(SampleTickets.Ticket("dup-1", subject: "An impostor subject"));

        var read = await Get("dup-1");

        Assert.False(first.IsDuplicateId);
        Assert.True(second.IsDuplicateId);
        Assert.Null(second.Stored);
        Assert.Equal("The first subject", read!.Ticket.Subject);
        Assert.Equal(first.Stored!.CreatedAt, read.Ticket.CreatedAt);
    }

    [Fact]
    public async Task Received_at_is_stored_in_utc_as_the_same_instant()
    {
        var inBerlin = new DateTimeOffset(2026, 6, 1, 14, 30, 0, TimeSpan.FromHours(2));

        await Add(SampleTickets.Ticket("utc-1", receivedAt: inBerlin));
        var read = await Get("utc-1");

        Assert.Equal(TimeSpan.Zero, read!.Ticket.ReceivedAt.Offset);
        Assert.Equal(inBerlin.UtcDateTime, read.Ticket.ReceivedAt.UtcDateTime);
        Assert.Equal(12, read.Ticket.ReceivedAt.Hour);
    }

    [Fact]
    public async Task An_unknown_id_reads_as_null()
    {
        Assert.Null(await Get("no-such-ticket"));
    }

    [Fact]
    public async Task Get_includes_the_triage_record()
    {
        await Add(SampleTickets.Ticket("with-triage"));
        await Triage(SampleTickets.Triage("with-triage", Priority.Critical, Category.Technical, Sentiment.Angry));

        var response = (await Get("with-triage"))!.ToResponse();

        Assert.Equal(new TriageOutput(Priority.Critical, Category.Technical, Sentiment.Angry,
            "The customer reports the wrong VAT rate on an invoice.", response.Triage!.Tags), response.Triage);
        Assert.Equal(["vat-rate", "invoice-correction"], response.Triage.Tags);
        Assert.Equal(TriageSource.Local, response.TriageMeta!.Source);
        Assert.Equal("local-mlnet", response.TriageMeta.Model);
    }
}
