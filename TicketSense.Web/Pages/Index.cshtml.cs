using TicketSense.Contracts;
using TicketSense.Web.Api;
using TicketSense.Web.Pages.Shared;

namespace TicketSense.Web.Pages;

/// <summary>
/// The overview: KPIs, the webhook alerts' counts, the three breakdowns, the trend of the last <c>days</c> stacked
/// <c>by</c> a label, a random sample and the latest tickets.
/// </summary>
public sealed class IndexModel(TicketSenseApiClient api, ILogger<IndexModel> logger) : ApiPageModel(api, logger)
{
    public const int SampleSize = 10;
    public const int LatestCount = 10;

    /// <summary>The trend's choices of range, in days; the middle one is the default.</summary>
    public static readonly IReadOnlyList<int> TrendRanges = [7, 30, 90];
    public const int DefaultTrendDays = 30;

    public OverviewResponse? Overview { get; private set; }

    public TrendsResponse? Trends { get; private set; }

    /// <summary>The trend's range in days (<c>?days=</c>), one of <see cref="TrendRanges"/>.</summary>
    public int TrendDays { get; private set; } = DefaultTrendDays;

    /// <summary>The label the trend is stacked by (<c>?by=</c>), one of <see cref="TrendChart.Dimensions"/>.</summary>
    public string TrendBy { get; private set; } = TrendChart.Dimensions[0];

    public IReadOnlyList<TicketResponse> Sample { get; private set; } = [];

    public IReadOnlyList<TicketResponse> Latest { get; private set; } = [];

    public AlertDeliveryCounts? AlertCounts { get; private set; }

    /// <summary>The incident spikes still active: a banner each, until they calm down.</summary>
    public IReadOnlyList<SpikeResponse> ActiveSpikes { get; private set; } = [];

    public Task OnGetAsync(int? days, string? by)
    {
        // A value the page does not offer falls back to the default: these are links, not a form to correct.
        TrendDays = days is { } chosen && TrendRanges.Contains(chosen) ? chosen : DefaultTrendDays;
        TrendBy = by is not null && TrendChart.Dimensions.Contains(by) ? by : TrendChart.Dimensions[0];
        return LoadAsync(LoadAllAsync);
    }

    /// <summary>The query string of the page with one trend choice changed, for the range and dimension links.</summary>
    public string TrendLink(int? days = null, string? by = null) => $"/?days={days ?? TrendDays}&by={by ?? TrendBy}#trends";

    private async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        // Today's bucket and the days before it: TrendDays whole or partial days, today included.
        var trends = Api.GetTrendsAsync(DateTime.UtcNow.Date.AddDays(1 - TrendDays), TrendBucket.Day, cancellationToken);
        var overview = Api.GetOverviewAsync(cancellationToken);
        var sample = Api.GetSampleAsync(SampleSize, cancellationToken);
        var alerts = Api.GetAlertCountsAsync(cancellationToken);
        var spikes = Api.GetActiveSpikesAsync(cancellationToken);
        var latest = Api.GetTicketsAsync(new TicketFilter(null, null, null, null, Page: 1, PageSize: LatestCount, Order: "created_at"), cancellationToken);
        Overview = await overview;
        Sample = await sample;
        Latest = (await latest).Items;
        Trends = await trends;
        AlertCounts = await alerts;
        ActiveSpikes = await spikes;
    }
}
