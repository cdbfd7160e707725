using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using TicketSense.Web.Access;

namespace TicketSense.Web.Api;

/// <summary>
/// The Api, found by service discovery: pages get a client with short timeouts (a dashboard should show "unreachable"
/// quickly, not hang), and the live events a YARP forwarder with none at all (its request is meant to stay open).
/// Both send the dashboard's own key (<c>Web:ApiKey</c>) when it has one.
/// </summary>
public static class ApiClientRegistration
{
    public const string ApiBaseAddress = "http://api";

    public static IServiceCollection AddTicketSenseApi(this IServiceCollection services)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers: experimental, but the documented way to replace the defaults' handler.
        services.AddHttpClient<TicketSenseApiClient>((provider, http) =>
            {
                http.BaseAddress = new Uri(ApiBaseAddress);
                if (provider.GetRequiredService<IOptions<WebAccessOptions>>().Value.ApiKey is { Length: > 0 } key)
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            })
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
