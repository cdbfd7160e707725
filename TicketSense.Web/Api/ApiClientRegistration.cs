using Microsoft.Extensions.Http.Resilience;

namespace TicketSense.Web.Api;

/// <summary>
/// The Api, found by service discovery: pages get a client with short timeouts (a dashboard should show "unreachable"
/// quickly, not hang), and the live events a YARP forwarder with none at all (its request is meant to stay open).
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
#pragma warning restore EXTEXP0001
        services.AddHttpForwarderWithServiceDiscovery();
        return services;
    }
}
