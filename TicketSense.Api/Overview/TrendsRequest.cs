using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Overview;

namespace TicketSense.Api.Overview;

/// <summary>The query string of <c>GET /overview/trends</c>, bound as text so every bad value is reported by name.</summary>
public sealed record TrendsRequest(string? From, string? To, string? Bucket)
{
    /// <param name="now">The clock's time, from which the default <c>to</c> (the next whole minute) is taken.</param>
    public (TrendWindow? Window, Dictionary<string, string[]> Errors) Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var bucket = TrendBucket.Day;
        if (Bucket is { Length: > 0 } && !WireNames.TryParse(Bucket, out bucket))
            errors["bucket"] = [$"must be one of {string.Join(", ", WireNames.All<TrendBucket>())}."];
        var to = Instant("to", To, errors) ?? TrendWindow.DefaultTo(now);
        var from = Instant("from", From, errors) ?? to - TrendWindow.DefaultSpan;
        if (errors.Count > 0) return (null, errors);

        if (TrendWindow.Floor(from, bucket) >= to)
        {
            errors["from"] = [$"must be before to ({to:yyyy-MM-ddTHH:mm:ssZ}) once floored to its {WireNames.Of(bucket)}."];
        }
        else if (TrendWindow.CountBuckets(bucket, from, to) is var count and > TrendWindow.MaxBuckets)
        {
            errors["bucket"] = [$"gives {count} {WireNames.Of(bucket)} buckets from from to to; at most {TrendWindow.MaxBuckets}: " +
                "choose a larger bucket or a shorter range."];
        }
        return errors.Count > 0 ? (null, errors) : (TrendWindow.Create(bucket, from, to), errors);
    }

    private static DateTime? Instant(string field, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!ExplicitInstant.TryParse(text, out var value))
        {
            errors[field] = [ExplicitInstant.Expected];
            return null;
        }
        var utc = value.UtcDateTime;
        if (utc >= TrendWindow.Earliest && utc <= TrendWindow.Latest) return utc;
        errors[field] = [$"must be between {TrendWindow.Earliest:yyyy-MM-ddTHH:mm:ssZ} and {TrendWindow.Latest:yyyy-MM-ddTHH:mm:ssZ}."];
        return null;
    }
}
