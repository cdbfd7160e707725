using TicketSense.Contracts;

namespace TicketSense.Core.Overview;

/// <summary>Counts per label as the wire has them: every value of the enum a key, 0 when none was counted.</summary>
public static class LabelCounts
{
    /// <param name="counted">Wire names with their counts, as an aggregate query returns them.</param>
    public static Dictionary<TEnum, int> Of<TEnum>(IEnumerable<(string Value, long Count)> counted) where TEnum : struct, Enum
    {
        var counts = Enum.GetValues<TEnum>().ToDictionary(value => value, _ => 0);
        foreach (var (value, count) in counted)
        {
            counts[WireNames.Parse<TEnum>(value)] = (int)count;
        }
        return counts;
    }
}
