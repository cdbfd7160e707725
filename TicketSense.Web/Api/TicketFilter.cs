using Microsoft.AspNetCore.WebUtilities;

namespace TicketSense.Web.Api;

/// <summary>The ticket list's filters and page, as the Api's query string takes them.</summary>
public sealed record TicketFilter(
    string? Priority, string? Category, string? Sentiment, string? Q, int Page, int PageSize = 20, string Order = "received_at", bool NeedsReview = false)
{
    public int Offset => Math.Max(0, Page - 1) * PageSize;

    public string ToQueryString() => QueryHelpers.AddQueryString("", new Dictionary<string, string?>
    {
        ["limit"] = PageSize.ToString(),
        ["offset"] = Offset.ToString(),
    }.Concat(Filters()).Where(pair => pair.Value is not null));

    /// <summary>The filters and order without the page: what the CSV export takes, which has no pages.</summary>
    public string ToExportQueryString() => QueryHelpers.AddQueryString("", Filters().Where(pair => pair.Value is not null));

    private Dictionary<string, string?> Filters() => new()
    {
        ["priority"] = Empty(Priority),
        ["category"] = Empty(Category),
        ["sentiment"] = Empty(Sentiment),
        ["q"] = Empty(Q),
        ["order"] = Order,
        ["needs_review"] = NeedsReview ? "true" : null,
    };

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
