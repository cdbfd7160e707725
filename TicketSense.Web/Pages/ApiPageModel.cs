using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketSense.Contracts;
using TicketSense.Web.Api;

namespace TicketSense.Web.Pages;

/// <summary>
/// A page fed by the Api: the triage mode for the banner, and — when the Api cannot be reached — a banner instead
/// of an error page, so a manager sees at once that the numbers are missing and why.
/// </summary>
public abstract class ApiPageModel(TicketSenseApiClient api, ILogger logger) : PageModel
{
    protected TicketSenseApiClient Api => api;

    public InfoResponse? Info { get; private set; }

    public bool ApiUnavailable { get; private set; }

    /// <summary>The Api answered 401/403: the dashboard has no key, or a wrong one (<c>Web:ApiKey</c>).</summary>
    public bool ApiRefusedKey { get; private set; }

    /// <summary>Runs <paramref name="load"/>; an unreachable Api sets <see cref="ApiUnavailable"/> instead of failing the page.</summary>
    protected async Task LoadAsync(Func<CancellationToken, Task> load)
    {
        var cancellationToken = HttpContext.RequestAborted;
        try
        {
            var info = api.GetInfoAsync(cancellationToken);
            await Task.WhenAll(info, load(cancellationToken));
            Info = await info;
        }
        catch (HttpRequestException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            logger.LogWarning("The Api refused the dashboard's key (Web:ApiKey): {Status}", (int)ex.StatusCode!);
            ApiUnavailable = true;
            ApiRefusedKey = true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException
            && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The Api is unreachable: {Reason}", ex.Message);
            ApiUnavailable = true;
        }
    }
}
