namespace TicketSense.AppHost.Dashboard;

/// <summary>One received span, as the dashboard shows it: ids in lowercase hex, attribute values as text.</summary>
public sealed record SpanEntry(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Service,
    string Scope,
    DateTimeOffset Start,
    TimeSpan Duration,
    bool IsError,
    string? StatusMessage,
    IReadOnlyList<KeyValuePair<string, string>> Attributes,
    IReadOnlyList<SpanEventEntry> Events)
{
    public DateTimeOffset End => Start + Duration;
}
