using System.Globalization;
using TicketSense.Contracts;

namespace TicketSense.Web.Pages.Shared;

/// <summary>
/// Tickets per bucket as stacked columns, one segment per label of <see cref="Dimension"/> and one for the pending
/// (untriaged) rest, drawn as inline SVG (no chart library, no CDN); the same counts as a table for screen readers.
/// </summary>
public sealed record TrendChart(string Dimension, TrendsResponse Trends)
{
    public const string Pending = "pending";
    public const int Width = 720;
    public const int Height = 220;
    public const int AxisWidth = 36;
    public const int PlotHeight = 190;
    public const int MaxXLabels = 10;

    /// <summary>The dimensions a trend can be stacked by, the first the default.</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["priority", "category", "sentiment"];

    /// <summary>The stack's keys, bottom first: every wire value of the dimension's labels, then <see cref="Pending"/>.</summary>
    public IReadOnlyList<string> Keys { get; } = [.. Labels(Dimension), Pending];

    public int Max => Math.Max(1, Trends.Points.Count == 0 ? 1 : Trends.Points.Max(p => p.Total));

    public double ColumnWidth => (double)(Width - AxisWidth) / Math.Max(1, Trends.Points.Count);

    /// <summary>Every <c>XLabelStep</c>-th column is labelled, so at most <see cref="MaxXLabels"/> dates show.</summary>
    public int XLabelStep => Math.Max(1, (int)Math.Ceiling(Trends.Points.Count / (double)MaxXLabels));

    /// <summary>The count of <paramref name="key"/> in <paramref name="point"/>: a label's triaged tickets, or the pending rest.</summary>
    public int Count(TrendPoint point, string key) => key switch
    {
        Pending => point.Total - point.ByPriority.Values.Sum(),
        _ => Dimension switch
        {
            "category" => point.ByCategory.GetValueOrDefault(WireNames.Parse<Category>(key)),
            "sentiment" => point.BySentiment.GetValueOrDefault(WireNames.Parse<Sentiment>(key)),
            _ => point.ByPriority.GetValueOrDefault(WireNames.Parse<Priority>(key)),
        },
    };

    /// <summary>The segments of one column, bottom up: key, count, top y and height in the plot's coordinates.</summary>
    public IEnumerable<(string Key, int Count, double Y, double Height)> Segments(TrendPoint point)
    {
        double bottom = PlotHeight;
        foreach (var key in Keys)
        {
            var count = Count(point, key);
            if (count == 0) continue;
            var height = (double)count / Max * PlotHeight;
            bottom -= height;
            yield return (key, count, bottom, height);
        }
    }

    public string Label(DateTime start) => Trends.Bucket switch
    {
        TrendBucket.Hour => start.ToString("MM-dd HH:00", CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The short date under a column: the year is in the table and the description.</summary>
    public string AxisLabel(DateTime start) => start.ToString(Trends.Bucket == TrendBucket.Hour ? "dd HH:00" : "MM-dd", CultureInfo.InvariantCulture);

    public string BucketHeading => Trends.Bucket switch
    {
        TrendBucket.Hour => "Hour",
        TrendBucket.Week => "Week from",
        _ => "Day",
    };

    public string Description =>
        $"Tickets received per {WireNames.Of(Trends.Bucket)} from {Label(Trends.From)} to {Trends.To:yyyy-MM-dd HH:mm} UTC, " +
        $"stacked by {Dimension}: {Trends.Points.Sum(p => p.Total)} in all, at most {Max} in one {WireNames.Of(Trends.Bucket)}. The table below lists each count.";

    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Labels(string dimension) => dimension switch
    {
        "category" => WireNames.All<Category>(),
        "sentiment" => WireNames.All<Sentiment>(),
        _ => WireNames.All<Priority>(),
    };
}
