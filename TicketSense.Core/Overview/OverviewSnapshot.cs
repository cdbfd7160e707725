using System.Text.Json;
using TicketSense.Contracts;

namespace TicketSense.Core.Overview;

/// <summary>An overview with its wire JSON (UTF-8, <see cref="TicketSenseJson.Options"/>), serialised once for every reader.</summary>
public sealed record OverviewSnapshot(OverviewResponse Overview, byte[] Json)
{
    public static OverviewSnapshot Of(OverviewResponse overview) =>
        new(overview, JsonSerializer.SerializeToUtf8Bytes(overview, TicketSenseJson.Options));

    /// <summary>The snapshot of <paramref name="json"/> as another replica published it.</summary>
    public static OverviewSnapshot Parse(byte[] json) =>
        new(JsonSerializer.Deserialize<OverviewResponse>(json, TicketSenseJson.Options) ?? throw new JsonException("The overview is null."), json);
}
