using TicketSense.Contracts;

namespace TicketSense.Web.Pages.Shared;

/// <summary>A horizontal bar chart of counts per label, drawn as inline SVG (no chart library, no CDN).</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<KeyValuePair<string, int>> Bars)
{
    public const int RowHeight = 30;
    public const int LabelWidth = 120;
    public const int BarWidth = 200;

    public int Max => Math.Max(1, Bars.Count == 0 ? 1 : Bars.Max(b => b.Value));

    public int Width(int count) => (int)Math.Round((double)count / Max * BarWidth);

    public string Description => $"{Title}: " + string.Join(", ", Bars.Select(b => $"{b.Key.Replace('_', ' ')} {b.Value}"));

    public static BarChart Of<TEnum>(string id, string title, IReadOnlyDictionary<TEnum, int> counts) where TEnum : struct, Enum =>
        new(id, title, Enum.GetValues<TEnum>().Select(v => new KeyValuePair<string, int>(WireNames.Of(v), counts.GetValueOrDefault(v))).ToList());
}
