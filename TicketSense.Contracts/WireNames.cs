using System.Collections.Frozen;
using System.Text.Json;

namespace TicketSense.Contracts;

/// <summary>
/// The wire names of the label enums (<c>FeatureRequest</c> ⇄ <c>feature_request</c>), for the places JSON does not
/// reach: database columns, check constraints, query strings.
/// </summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.ToWire[value];

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.FromWire.TryGetValue(text ?? "", out value);

    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}; expected one of {string.Join(", ", All<TEnum>())}.");

    /// <summary>Every wire name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Names<TEnum>.Ordered;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered =
            Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())).ToArray();

        public static readonly FrozenDictionary<TEnum, string> ToWire =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> FromWire =
            ToWire.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}
