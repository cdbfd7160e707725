using Microsoft.AspNetCore.Mvc;
using TicketSense.Contracts;
using TicketSense.Web.Api;

namespace TicketSense.Web.Pages;

/// <summary>
/// The review queue: tickets whose least sure label is under the review threshold and that no human has corrected,
/// least sure first. Each is confirmed or corrected in one step; it then leaves the queue. Beside it, the local model
/// that learns from those corrections: its version, and a button that asks for a new one.
/// </summary>
public sealed class ReviewModel(TicketSenseApiClient api, ILogger<ReviewModel> logger) : ApiPageModel(api, logger)
{
    public const int QueueSize = 20;

    public TicketPage? Queue { get; private set; }

    /// <summary>Null before the first version is stored.</summary>
    public ModelResponse? LocalModel { get; private set; }

    [TempData] public string? Message { get; set; }

    [TempData] public string? Error { get; set; }

    public Task OnGetAsync() => LoadAsync(async cancellationToken =>
    {
        var model = Api.GetModelAsync(cancellationToken);
        Queue = await Api.GetTicketsAsync(new TicketFilter(null, null, null, null, 1, QueueSize, Order: "confidence", NeedsReview: true), cancellationToken);
        LocalModel = await model;
    });

    public async Task<IActionResult> OnPostRetrainAsync()
    {
        ModelResponse? model = null;
        await LoadAsync(async cancellationToken => model = await Api.RetrainAsync(cancellationToken));
        if (ApiUnavailable) return Page();
        if (model is null) Error = "The local model is not stored yet; try again in a moment.";
        else Message = $"A new model version is training on the corrections; version {model.Version} serves until it is ready.";
        return RedirectToPage();
    }

    // Labels arrive as their wire names ("feature_request"), which enum model binding does not know.
    public async Task<IActionResult> OnPostAsync(string id, string? reviewer, string? priority, string? category, string? sentiment)
    {
        // Signed in, the reviewer is who signed in, whatever the form says.
        if (User.Identity is { IsAuthenticated: true, Name: { } signedIn }) reviewer = signedIn;
        if (string.IsNullOrWhiteSpace(reviewer))
        {
            Error = "Enter your name as the reviewer first.";
            return RedirectToPage();
        }
        if (!WireNames.TryParse<Priority>(priority, out var p) || !WireNames.TryParse<Category>(category, out var c) || !WireNames.TryParse<Sentiment>(sentiment, out var s))
        {
            Error = $"{id}: choose a priority, a category and a sentiment.";
            return RedirectToPage();
        }
        (TicketResponse? Ticket, ProblemDetailsResponse? Problem) result = default;
        await LoadAsync(async cancellationToken => result = await Api.CorrectAsync(id, reviewer.Trim(), p, c, s, cancellationToken));
        if (ApiUnavailable) return Page();
        if (result.Ticket is { } corrected) Message = $"{corrected.Id} saved as {priority} · {category} · {sentiment}.";
        else Error = $"{id}: {result.Problem?.Describe()}";
        return RedirectToPage();
    }
}
