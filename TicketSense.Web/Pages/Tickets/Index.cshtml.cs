using Microsoft.AspNetCore.Mvc;
using TicketSense.Contracts;
using TicketSense.Web.Api;

namespace TicketSense.Web.Pages.Tickets;

/// <summary>Every ticket, filtered by label and subject, a page at a time.</summary>
public sealed class IndexModel(TicketSenseApiClient api, ILogger<IndexModel> logger) : ApiPageModel(api, logger)
{
    [BindProperty(SupportsGet = true)] public string? Priority { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sentiment { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public TicketPage? Result { get; private set; }

    public int PageCount => Result is null ? 0 : Math.Max(1, (Result.Total + Result.Limit - 1) / Result.Limit);

    public Task OnGetAsync()
    {
        // Only values the Api accepts travel on; anything else is simply no filter.
        Priority = Known<Priority>(Priority);
        Category = Known<Category>(Category);
        Sentiment = Known<Sentiment>(Sentiment);
        PageNumber = Math.Max(1, PageNumber);
        return LoadAsync(async cancellationToken =>
            Result = await Api.GetTicketsAsync(new TicketFilter(Priority, Category, Sentiment, Q?.Trim() is { Length: > 0 and <= 200 } q ? q : null, PageNumber), cancellationToken));
    }

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["priority"] = Priority, ["category"] = Category, ["sentiment"] = Sentiment, ["q"] = Q, ["page"] = page.ToString(),
    };

    /// <summary>The CSV export of every ticket the current filters select, not only this page's.</summary>
    public string ExportLink => TicketExportForwarder.Path + new TicketFilter(Priority, Category, Sentiment, Q, Page: 1).ToExportQueryString();

    private static string? Known<TEnum>(string? value) where TEnum : struct, Enum =>
        WireNames.TryParse<TEnum>(value, out _) ? value : null;
}
