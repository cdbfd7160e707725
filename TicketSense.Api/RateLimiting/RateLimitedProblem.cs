using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TicketSense.Api.RateLimiting;

/// <summary>
/// The 429 a refused write gets: problem details like every other error of the API, and a <c>Retry-After</c> in whole
/// seconds (at least 1, as HTTP has no finer unit), so a client knows when its bucket has a permit again.
/// </summary>
public static class RateLimitedProblem
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This caller made more writes than Api:RateLimit allows; nothing was written. Try again in {seconds} s.",
            },
        });
    }
}
