namespace TicketSense.AppHost.Dashboard;

/// <summary>A time-stamped annotation on a span (an exception, a retry…).</summary>
public sealed record SpanEventEntry(DateTimeOffset Time, string Name, IReadOnlyList<KeyValuePair<string, string>> Attributes);
