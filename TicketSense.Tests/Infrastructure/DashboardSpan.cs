using System.Text.Json;

namespace TicketSense.Tests.Infrastructure;

/// <summary>One span of the Aspire dashboard's telemetry API (OTLP JSON: resourceSpans → scopeSpans → spans).</summary>
public sealed record DashboardSpan(string Service, string TraceId, string Name, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>A database client span of <paramref name="system"/> (<c>db.system</c>, or <c>db.system.name</c> of the newer conventions).</summary>
    public bool IsDatabase(string system) =>
        (Attributes.TryGetValue("db.system", out var value) || Attributes.TryGetValue("db.system.name", out value)) && value == system;

    public override string ToString() => $"{Service}: {Name} [{string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"))}]";

    /// <summary>Every span anywhere in <paramref name="json"/>, with the service of the resource it came from.</summary>
    public static IReadOnlyList<DashboardSpan> All(JsonElement json)
    {
        var spans = new List<DashboardSpan>();
        foreach (var resourceSpans in Find(json, "resourceSpans"))
        {
            var service = AttributesOf(resourceSpans.GetProperty("resource")).GetValueOrDefault("service.name", "");
            foreach (var scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scopeSpans.GetProperty("spans").EnumerateArray())
                {
                    spans.Add(new DashboardSpan(service, span.GetProperty("traceId").GetString()!, span.GetProperty("name").GetString()!, AttributesOf(span)));
                }
            }
        }
        return spans;
    }

    private static IEnumerable<JsonElement> Find(JsonElement json, string property)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            foreach (var child in json.EnumerateObject())
            {
                if (child.Name == property && child.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in child.Value.EnumerateArray()) yield return item;
                }
                else
                {
                    foreach (var found in Find(child.Value, property)) yield return found;
                }
            }
        }
        else if (json.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.EnumerateArray())
            {
                foreach (var found in Find(item, property)) yield return found;
            }
        }
    }

    private static Dictionary<string, string> AttributesOf(JsonElement owner)
    {
        var attributes = new Dictionary<string, string>();
        if (!owner.TryGetProperty("attributes", out var list)) return attributes;
        foreach (var attribute in list.EnumerateArray())
        {
            var value = attribute.GetProperty("value");
            attributes[attribute.GetProperty("key").GetString()!] = value.EnumerateObject().FirstOrDefault().Value.ToString();
        }
        return attributes;
    }
}
