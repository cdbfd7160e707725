using Microsoft.AspNetCore.Mvc;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Api.Tickets;

/// <summary>The query string of <c>GET /tickets</c>, bound as text so every bad value is reported by name.</summary>
public sealed record TicketListQuery(
    string? Limit, string? Offset, string? Priority, string? Category, string? Sentiment, string? Q, string? Order,
    [property: FromQuery(Name = "needs_review")] string? NeedsReview)
{
    public const int MaxSearchLength = 200;

    /// <param name="reviewThreshold"><c>Triage:ReviewThreshold</c>, what <c>needs_review=true</c> filters by.</param>
    public (TicketQuery? Query, Dictionary<string, string[]> Errors) Validate(double reviewThreshold)
    {
        var errors = new Dictionary<string, string[]>();
        var limit = TicketQuery.DefaultLimit;
        var offset = 0;
        if (Limit is { Length: > 0 } && (!int.TryParse(Limit, out limit) || limit is < 1 or > TicketQuery.MaxLimit))
            errors["limit"] = [$"must be a whole number between 1 and {TicketQuery.MaxLimit}."];
        if (Offset is { Length: > 0 } && (!int.TryParse(Offset, out offset) || offset < 0))
            errors["offset"] = ["must be a whole number, 0 or more."];
        var priority = Label<Priority>("priority", Priority, errors);
        var category = Label<Category>("category", Category, errors);
        var sentiment = Label<Sentiment>("sentiment", Sentiment, errors);
        if (Q is { Length: > MaxSearchLength }) errors["q"] = [$"must be at most {MaxSearchLength} characters."];
        TicketOrder order = TicketOrder.ReceivedAt;
        switch (Order)
        {
            case null or "" or "received_at": break;
            case "created_at": order = TicketOrder.CreatedAt; break;
            case "confidence": order = TicketOrder.Confidence; break;
            default: errors["order"] = ["must be received_at, created_at or confidence."]; break;
        }
        double? needsReviewBelow = null;
        switch (NeedsReview)
        {
            case null or "" or "false": break;
            case "true": needsReviewBelow = reviewThreshold; break;
            default: errors["needs_review"] = ["must be true or false."]; break;
        }

        return errors.Count > 0
            ? (null, errors)
            : (new TicketQuery(limit, offset, priority, category, sentiment, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), order, needsReviewBelow), errors);
    }

    private static TEnum? Label<TEnum>(string field, string? text, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (WireNames.TryParse<TEnum>(text, out var value)) return value;
        errors[field] = [$"must be one of {string.Join(", ", WireNames.All<TEnum>())}."];
        return null;
    }
}
