using Microsoft.AspNetCore.Mvc;
using TicketSense.Contracts;
using TicketSense.Web.Api;

namespace TicketSense.Web.Pages.Tickets;

/// <summary>One ticket: the full body, its triage with model and source, a re-triage button, and its triage history.</summary>
public sealed class DetailModel(TicketSenseApiClient api, ILogger<DetailModel> logger) : ApiPageModel(api, logger)
{
    public TicketResponse? Ticket { get; private set; }

    /// <summary>Every triage and correction, newest first.</summary>
    public IReadOnlyList<TriageHistoryItem> History { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        await LoadAsync(async cancellationToken =>
        {
            var ticket = Api.GetTicketAsync(id, cancellationToken);
            var history = Api.GetHistoryAsync(id, cancellationToken);
            Ticket = await ticket;
            History = (await history)?.Items ?? [];
        });
        return Ticket is null && !ApiUnavailable ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostRetriageAsync(string id)
    {
        TicketResponse? retriaged = null;
        await LoadAsync(async cancellationToken => retriaged = await Api.RetriageAsync(id, cancellationToken));
        if (ApiUnavailable) return Page();
        if (retriaged is null) return NotFound();
        Message = $"Re-triaged by {retriaged.TriageMeta?.Model} ({retriaged.TriageMeta?.Source.ToString().ToLowerInvariant()}).";
        return RedirectToPage(new { id });
    }
}
