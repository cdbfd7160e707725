namespace TicketSense.AppHost.Dashboard;

/// <summary>One received structured log record. <see cref="Category"/> is the logger's name (the OTLP scope).</summary>
public sealed record LogEntry(
    DateTimeOffset Time,
    string Service,
    string Severity,
    string Category,
    string Message,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    /// <summary>Whether <paramref name="text"/> occurs in the message, the category or any attribute (case-insensitive).</summary>
    public bool Contains(string text) =>
        Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Category.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Attributes.Any(a => a.Key.Contains(text, StringComparison.OrdinalIgnoreCase) || a.Value.Contains(text, StringComparison.OrdinalIgnoreCase));
}
