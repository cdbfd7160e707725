using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using TicketSense.Core.Alerts;

namespace TicketSense.Worker.Alerts;

/// <summary>
/// Makes a Worker send the webhook outbox: <see cref="AlertDispatcher"/>, its poll loop, and the <c>alerts</c>
/// HttpClient with one standard resilience handler, tuned to the outbox (which does the long retries itself).
/// </summary>
public static class AlertDispatchRegistration
{
    public static IHostApplicationBuilder AddTicketSenseAlertDispatch(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental, but it is the documented way to replace the ServiceDefaults handler rather than stack a second one on it.
        services.AddHttpClient(AlertDispatcher.HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The default logging writes each request's URL, and an endpoint's URL may carry a token.
            .RemoveAllLoggers()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler()
            // A circuit per receiver: one endpoint that is down must not open the circuit for the others.
            .SelectPipelineByAuthority()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
                Configure(resilience, provider.GetRequiredService<IOptions<AlertOptions>>().Value));
#pragma warning restore EXTEXP0001
        services.AddSingleton<AlertDispatcher>();
        services.AddHostedService<AlertDispatchService>();
        return builder;
    }

    /// <summary>One quick retry inside an attempt (a blip), each try bounded by <c>Alerts:AttemptTimeout</c>; the outbox backs off beyond that.</summary>
    private static void Configure(HttpStandardResilienceOptions resilience, AlertOptions options)
    {
        resilience.Retry.MaxRetryAttempts = 1;
        resilience.Retry.Delay = options.BackoffBase;
        resilience.Retry.BackoffType = DelayBackoffType.Constant;
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = 2 * options.AttemptTimeout + options.BackoffBase;
        resilience.CircuitBreaker.SamplingDuration = 2 * options.AttemptTimeout;
    }
}
