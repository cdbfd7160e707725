using System.Text.Json;
using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>Reads a model's text answer as a <see cref="TriageOutput"/> and validates it: malformed JSON, values outside the schema and bad tags are all refusals.</summary>
public static class TriageAnswer
{
    public static TriageValidation Read(string? text)
    {
        var json = StripCodeFence(text ?? "");
        TriageOutput? candidate;
        try
        {
            candidate = JsonSerializer.Deserialize<TriageOutput>(json, TicketSenseJson.Options);
        }
        catch (JsonException ex)
        {
            return TriageValidation.Refused([$"the answer is not a valid triage JSON object: {ex.Message}"]);
        }
        return TriageValidator.Validate(candidate);
    }

    // JSON mode answers sometimes arrive wrapped in ```json fences: a harmless variant.
    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal)) return trimmed;
        var firstLineEnd = trimmed.IndexOf('\n');
        var lastFence = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLineEnd > 0 && lastFence > firstLineEnd ? trimmed[(firstLineEnd + 1)..lastFence].Trim() : trimmed;
    }
}
