namespace TicketSense.Web.Api;

/// <summary>The part of an RFC 7807 answer the dashboard shows: the title, the detail and each field's reasons.</summary>
public sealed record ProblemDetailsResponse(string? Title, string? Detail, Dictionary<string, string[]>? Errors)
{
    public string Describe() =>
        Errors is { Count: > 0 } errors
            ? string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            : Detail ?? Title ?? "The Api refused the correction.";
}
