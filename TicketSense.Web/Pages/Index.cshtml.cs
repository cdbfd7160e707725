using TicketSense.Contracts;
using TicketSense.Web.Api;

namespace TicketSense.Web.Pages;

/// <summary>The overview: KPIs, the webhook alerts' counts, the three breakdowns, a random sample and the latest tickets.</summary>
public sealed class IndexModel(TicketSenseApiClient api, ILogger<IndexModel> logger) : ApiPageModel(api, logger)
{
    public const int SampleSize = 10;
    public const int LatestCount = 10;

    public OverviewResponse? Overview { get; private set; }

    public IReadOnlyList<TicketResponse> Sample { get; private set; } = [];

    public IReadOnlyList<TicketResponse> Latest { get; private set; } = [];

    public AlertDeliveryCounts? AlertCounts { get; private set; }

    public Task OnGetAsync() => LoadAsync(async cancellationToken =>
    {
        var overview = Api.GetOverviewAsync(cancellationToken);
        var sample = Api.GetSampleAsync(SampleSize, cancellationToken);
        var alerts = Api.GetAlertCountsAsync(cancellationToken);
        var latest = Api.GetTicketsAsync(new TicketFilter(null, null, null, null, Page: 1, PageSize: LatestCount, Order: "created_at"), cancellationToken);
        Overview = await overview;
        Sample = await sample;
        Latest = (await latest).Items;
        AlertCounts = await alerts;
    });
}
