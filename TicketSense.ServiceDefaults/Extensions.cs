using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The cross-cutting concerns every TicketSense service shares, shaped as the Aspire ServiceDefaults template shapes
/// them, so the services would run unchanged under Aspire: OpenTelemetry, health checks, service discovery, resilience.
/// </summary>
public static class Extensions
{
    /// <summary>
    /// Health checks carrying this tag answer <c>/alive</c> and <c>/health</c>; all checks answer <c>/ready</c>, among them
    /// the ones the Aspire client integrations add untagged (Postgres, Redis).
    /// </summary>
    public const string LiveTag = "live";

    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string ReadyPath = "/ready";

    /// <summary>The activity sources and meters whose names start with this are ours.</summary>
    public const string TelemetryPrefix = "TicketSense.";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryPrefix + "*", "Microsoft.Extensions.AI*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetryPrefix + "*", "Microsoft.Extensions.AI*", "Experimental.Microsoft.Extensions.AI*")
                .AddAspNetCoreInstrumentation(aspnet =>
                    // Health probes every second would drown the traces that matter.
                    aspnet.Filter = context => !IsHealthPath(context.Request.Path))
                .AddHttpClientInstrumentation());
        // Npgsql spans and metrics, and Redis spans, come with the Aspire client integrations (AddTicketSenseStorage).

        builder.AddOpenTelemetryExporters();
        return builder;
    }

    private static bool IsHealthPath(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath) || path.StartsWithSegments(ReadyPath);

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Export only where a collector is configured (the AppHost sets it), so a bare `dotnet run` stays quiet.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c> and <c>/alive</c>: liveness, touching no dependency. <c>/ready</c>: every registered check,
    /// each one's status and reason in the JSON body, so a 503 says what is not ready.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        var live = new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) };
        app.MapHealthChecks(HealthPath, live);
        app.MapHealthChecks(AlivePath, live);
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
