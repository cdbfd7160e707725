using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketSense.Contracts;

/// <summary>
/// Enums as their exact wire names, as values and as dictionary keys. Stricter than JsonStringEnumConverter, which
/// also accepts C# names in any case ("FeatureRequest", "HIGH") and numbers: a value outside the schema must fail.
/// </summary>
public sealed class WireEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class WireEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw Invalid(reader.TokenType.ToString());

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(WireNames.Of(value));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(WireNames.Of(value));

        private static TEnum Parse(string? text) => WireNames.TryParse<TEnum>(text, out var value) ? value : throw Invalid($"\"{text}\"");

        private static JsonException Invalid(string found) => new(
            $"{found} is not a {typeof(TEnum).Name}; expected one of {string.Join(", ", WireNames.All<TEnum>())}.");
    }
}
