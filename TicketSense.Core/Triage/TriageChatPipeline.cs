using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using Polly;
using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>
/// The LLM pipeline, built in one place: <see cref="ModelFallbackChatClient"/> over one tier per model, each tier
/// OpenTelemetry (without message content) → (JSON-mode adapter) → the OpenAI-compatible client on its own named HttpClient, whose
/// resilience handler retries 1 s, 2 s, 4 s on 429/408/5xx and honours Retry-After.
/// </summary>
public static class TriageChatPipeline
{
    /// <summary>The keyed-service key of the triage <see cref="IChatClient"/>.</summary>
    public const string ServiceKey = "triage";

    public static string HttpClientName(TriageSource tier) => $"llm-{WireNames.Of(tier)}";

    /// <summary>Registers the pipeline as the keyed <see cref="IChatClient"/> <see cref="ServiceKey"/>, over one named HttpClient per tier.</summary>
    public static void Register(IServiceCollection services)
    {
        AddModelHttpClient(services, TriageSource.Primary);
        AddModelHttpClient(services, TriageSource.Fallback);
        services.AddKeyedSingleton<IChatClient>(ServiceKey, (provider, _) => Build(provider));
    }

    /// <summary>The named HttpClient of one model tier: only our resilience handler (never stacked on the defaults'), then the attempt counter inside it.</summary>
    private static void AddModelHttpClient(IServiceCollection services, TriageSource tier)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental, but it is the documented way to replace the ServiceDefaults handler rather than stack a second one on it.
        services.AddHttpClient(HttpClientName(tier))
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
                Configure(resilience, provider.GetRequiredService<IOptions<TriageOptions>>().Value));
#pragma warning restore EXTEXP0001
        services.AddHttpClient(HttpClientName(tier))
            .AddHttpMessageHandler(provider => new AttemptCountingHandler(ModelOf(provider.GetRequiredService<IOptions<TriageOptions>>().Value, tier)));
    }

    private static void Configure(HttpStandardResilienceOptions resilience, TriageOptions options)
    {
        resilience.Retry.MaxRetryAttempts = options.Retry.MaxRetries;
        resilience.Retry.Delay = options.Retry.BaseDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = false;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.AttemptTimeout.Timeout = options.Timeouts.Attempt;
        resilience.TotalRequestTimeout.Timeout = options.Timeouts.Total;
        resilience.CircuitBreaker.SamplingDuration = options.Timeouts.CircuitBreakerSampling;
    }

    public static IChatClient Build(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TriageOptions>>().Value;
        var factory = services.GetRequiredService<IHttpClientFactory>();
        var key = options.ApiKey is { Length: > 0 } apiKey
            ? new ApiKeyCredential(apiKey)
            : throw new InvalidOperationException("The LLM pipeline needs Triage:ApiKey.");

        ModelTier Tier(TriageSource tier, bool useJsonSchema)
        {
            var model = ModelOf(options, tier);
            var openAi = new OpenAIClient(key, new OpenAIClientOptions
            {
                Endpoint = new Uri(options.Endpoint),
                Transport = new HttpClientPipelineTransport(factory.CreateClient(HttpClientName(tier))),
                // Retries belong to the resilience handler alone: the SDK's own would multiply them (4 × 4 = 16).
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = options.Timeouts.Total + TimeSpan.FromSeconds(30),
            });
            // Spans carry the model, timings and token counts, never the prompt or the answer (both hold the customer's
            // text): sensitive data stays off explicitly, whatever OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT says.
            // No UseLogging(): its Trace entries are the whole prompt and answer; ModelFallbackChatClient logs failures.
            var builder = new ChatClientBuilder(openAi.GetChatClient(model).AsIChatClient())
                .UseOpenTelemetry(configure: telemetry => telemetry.EnableSensitiveData = false);
            if (!useJsonSchema) builder.Use(inner => new JsonModeChatClient(inner));
            return new ModelTier(tier, model, builder.Build(services));
        }

        return new ModelFallbackChatClient(
            [Tier(TriageSource.Primary, options.PrimaryUseJsonSchema), Tier(TriageSource.Fallback, options.FallbackUseJsonSchema)],
            response => TriageAnswer.Read(response.Text) is { IsValid: false } refused ? string.Join("; ", refused.Errors) : null,
            services.GetRequiredService<ILogger<ModelFallbackChatClient>>());
    }

    private static string ModelOf(TriageOptions options, TriageSource tier) =>
        tier == TriageSource.Primary ? options.PrimaryModel : options.FallbackModel;
}
