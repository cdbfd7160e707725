using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration;

/// <summary>Paging, filters and order over a fixed set of 12 tickets, 9 of them triaged.</summary>
public sealed class TicketPagingTests(TicketPagingTests.Seeded seeded) : IClassFixture<TicketPagingTests.Seeded>
{
    public sealed class Seeded : IAsyncLifetime
    {
        public StorageFixture Storage { get; } = new();

        public async Task InitializeAsync()
        {
            await Storage.InitializeAsync();
            await using var scope = Storage.Scope();
            var tickets = scope.ServiceProvider.GetRequiredService<TicketRepository>();
            var triages = scope.ServiceProvider.GetRequiredService<TriageRepository>();
            for (var i = 1; i <= 12; i++)
            {
                var id = $"page-{i:00}";
                // received_at hops around, so its order differs from the insert order.
                var receivedAt = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero).AddHours((i * 7) % 12);
                var subject = i switch { 3 => "100% broken: export fails", 4 => "Export_file missing", _ => $"Question number {i}" };
                await tickets.AddAsync(SampleTickets.Ticket(id, subject, receivedAt), CancellationToken.None);
                if (i <= 9)
                {
                    await triages.UpsertAsync(SampleTickets.Triage(id,
                        priority: (Priority)(i % 4), category: (Category)(i % 5), sentiment: (Sentiment)(i % 4)), CancellationToken.None);
                }
            }
        }

        public Task DisposeAsync() => Storage.DisposeAsync();
    }

    private async Task<(IReadOnlyList<TicketWithTriage> Items, int Total)> Page(TicketQuery query)
    {
        await using var scope = seeded.Storage.Scope();
        return await scope.ServiceProvider.GetRequiredService<TicketRepository>().PageAsync(query, CancellationToken.None);
    }

    [Fact]
    public async Task The_default_page_is_newest_received_first_then_by_id()
    {
        var (items, total) = await Page(new TicketQuery(Limit: 100));

        Assert.Equal(12, total);
        Assert.Equal(12, items.Count);
        var expected = items.OrderByDescending(r => r.Ticket.ReceivedAt).ThenBy(r => r.Ticket.Id, StringComparer.Ordinal).Select(r => r.Ticket.Id);
        Assert.Equal(expected, items.Select(r => r.Ticket.Id));
        Assert.NotEqual(items.OrderBy(r => r.Ticket.Id).Select(r => r.Ticket.Id), items.Select(r => r.Ticket.Id));
    }

    [Fact]
    public async Task Created_at_order_is_newest_inserted_first()
    {
        var (items, _) = await Page(new TicketQuery(Limit: 3, Order: TicketOrder.CreatedAt));

        Assert.Equal(["page-12", "page-11", "page-10"], items.Select(r => r.Ticket.Id));
    }

    [Fact]
    public async Task Pages_split_the_list_without_overlap_and_keep_the_total()
    {
        var (first, total1) = await Page(new TicketQuery(Limit: 5, Offset: 0));
        var (second, total2) = await Page(new TicketQuery(Limit: 5, Offset: 5));
        var (last, total3) = await Page(new TicketQuery(Limit: 5, Offset: 10));

        Assert.Equal([5, 5, 2], new[] { first.Count, second.Count, last.Count });
        Assert.All(new[] { total1, total2, total3 }, total => Assert.Equal(12, total));
        Assert.Equal(12, first.Concat(second).Concat(last).Select(r => r.Ticket.Id).Distinct().Count());
    }

    [Fact]
    public async Task An_offset_past_the_end_is_an_empty_page_with_the_total()
    {
        var (items, total) = await Page(new TicketQuery(Limit: 20, Offset: 500));

        Assert.Empty(items);
        Assert.Equal(12, total);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(101, 0)]
    [InlineData(20, -1)]
    public async Task Limits_outside_1_to_100_and_negative_offsets_are_refused(int limit, int offset)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Page(new TicketQuery(limit, offset)));
    }

    [Fact]
    public async Task Limit_bounds_1_and_100_are_accepted()
    {
        Assert.Single((await Page(new TicketQuery(Limit: 1))).Items);
        Assert.Equal(12, (await Page(new TicketQuery(Limit: TicketQuery.MaxLimit))).Items.Count);
    }

    [Fact]
    public async Task Label_filters_match_only_triaged_tickets_with_that_label()
    {
        // Triaged i in 1..9: High is i % 4 == 2 (2, 6); FeatureRequest is i % 5 == 2 (2, 7); Angry is i % 4 == 3 (3, 7).
        var (high, highTotal) = await Page(new TicketQuery(Priority: Priority.High));
        var (both, bothTotal) = await Page(new TicketQuery(Priority: Priority.High, Category: Category.FeatureRequest));
        var (angry, _) = await Page(new TicketQuery(Sentiment: Sentiment.Angry));

        Assert.Equal(["page-02", "page-06"], high.Select(r => r.Ticket.Id).Order());
        Assert.Equal(2, highTotal);
        Assert.Equal(["page-02"], both.Select(r => r.Ticket.Id));
        Assert.Equal(1, bothTotal);
        Assert.All(angry, r => Assert.Equal(Sentiment.Angry, r.Triage!.Sentiment));
        Assert.Equal(["page-03", "page-07"], angry.Select(r => r.Ticket.Id).Order());
    }

    [Fact]
    public async Task Subject_search_is_case_insensitive_and_takes_wildcards_literally()
    {
        var (export, _) = await Page(new TicketQuery(SubjectContains: "EXPORT"));
        var (percent, _) = await Page(new TicketQuery(SubjectContains: "100%"));
        var (underscore, _) = await Page(new TicketQuery(SubjectContains: "t_f"));
        var (wildcard, wildcardTotal) = await Page(new TicketQuery(SubjectContains: "%"));

        Assert.Equal(["page-03", "page-04"], export.Select(r => r.Ticket.Id).Order());
        Assert.Equal(["page-03"], percent.Select(r => r.Ticket.Id));
        Assert.Equal(["page-04"], underscore.Select(r => r.Ticket.Id));
        Assert.Equal(1, wildcardTotal);
        Assert.Equal(["page-03"], wildcard.Select(r => r.Ticket.Id));
    }

    [Fact]
    public async Task Untriaged_ids_are_the_pending_ones_oldest_first()
    {
        await using var scope = seeded.Storage.Scope();
        var ids = await scope.ServiceProvider.GetRequiredService<TicketRepository>().ListUntriagedIdsAsync(10, CancellationToken.None);

        Assert.Equal(["page-10", "page-11", "page-12"], ids);
    }
}
