using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketSense.Contracts;

/// <summary>
/// The one JSON configuration of TicketSense — HTTP, Redis values and model output alike: snake_case names and enum
/// values (<c>feature_request</c>), nulls written, numbers only as numbers, unknown fields ignored.
/// </summary>
public static class TicketSenseJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the TicketSense conventions to <paramref name="options"/> (e.g. ASP.NET Core's own instance).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new WireEnumConverterFactory());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
