using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>
/// The JSON schema of <see cref="TriageOutput"/> as sent to the model. Generated from the type like
/// <c>GetResponseAsync&lt;T&gt;</c> does, then sharpened: the schema generator cannot see through our strict enum
/// converter (it emits "anything"), so the enums get their exact wire values, and the summary and tags get the
/// <see cref="TriageLimits"/> the validator enforces.
/// </summary>
public static class TriageSchema
{
    public const string Name = "triage_output";

    public static JsonElement Json { get; } = Create();

    public static ChatResponseFormatJson ResponseFormat { get; } =
        ChatResponseFormat.ForJsonSchema(Json, Name, "The triage of one support ticket.");

    private static JsonElement Create()
    {
        var options = new AIJsonSchemaCreateOptions { TransformSchemaNode = (context, node) => Sharpen(context.TypeInfo.Type, context.PropertyInfo?.Name, node) };
        var schema = AIJsonUtilities.CreateJsonSchema(typeof(TriageOutput), serializerOptions: TicketSenseJson.Options, inferenceOptions: options);
        var root = JsonNode.Parse(schema.GetRawText())!.AsObject();
        root["additionalProperties"] = false;
        return JsonSerializer.SerializeToElement(root);
    }

    private static JsonNode Sharpen(Type type, string? property, JsonNode node) => (type, property) switch
    {
        _ when type == typeof(Priority) => Enum(WireNames.All<Priority>()),
        _ when type == typeof(Category) => Enum(WireNames.All<Category>()),
        _ when type == typeof(Sentiment) => Enum(WireNames.All<Sentiment>()),
        (_, "summary") => new JsonObject { ["type"] = "string", ["maxLength"] = TriageLimits.MaxSummaryLength },
        (_, "tags") => new JsonObject
        {
            ["type"] = "array",
            ["minItems"] = TriageLimits.MinTags,
            ["maxItems"] = TriageLimits.MaxTags,
            ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$" },
        },
        _ => node,
    };

    private static JsonObject Enum(IEnumerable<string> values) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()) };
}
