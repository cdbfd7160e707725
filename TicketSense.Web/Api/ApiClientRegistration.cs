using Microsoft.Extensions.Http.Resilience;

namespace TicketSense.Web.Api;

/// <summary>
/// Two clients for the Api: pages get short timeouts (a dashboard should show "unreachable" quickly, not hang), and
/// the live-event proxy gets none at all (its request is meant to stay open).
/// </summary>
public static class ApiClientRegistration
{
    public const string ApiBaseAddress = "http://api";

    public static IServiceCollection AddTicketSenseApi(this IServiceCollection services)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers: experimental, but the documented way to replace the defaults' handler.
        services.AddHttpClient<TicketSenseApiClient>(http => http.BaseAddress = new Uri(ApiBaseAddress))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.MaxRetryAttempts = 1;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(3);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(8);
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
            });
        services.AddHttpClient(TicketSenseApiClient.EventsClientName, http =>
            {
                http.BaseAddress = new Uri(ApiBaseAddress);
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return services;
    }
}
