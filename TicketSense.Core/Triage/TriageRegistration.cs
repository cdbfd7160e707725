using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TicketSense.Core.Tickets;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Core.Triage;

/// <summary>
/// Registers the triage: validated <c>Triage</c> options, the mode (decided here, once), the local model, the LLM
/// pipeline in <c>llm</c> mode only, and <see cref="TriageService"/>.
/// </summary>
public static class TriageRegistration
{
    public static TBuilder AddTicketSenseTriage<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddValidatedOptions<TriageOptions, TriageOptionsValidator>(builder.Configuration, TriageOptions.Section);
        services.TryAddSingleton(TimeProvider.System);

        // The mode decides what exists: a local-mode process has no LLM client, so it needs no LLM setting and
        // nothing in it can reach a provider by mistake.
        var mode = ActiveTriageMode.Resolve(builder.Configuration.GetSection(TriageOptions.Section).Get<TriageOptions>() ?? new TriageOptions());
        services.AddSingleton(mode);
        services.AddLocalTriageModel(builder.Configuration);
        if (mode.IsLlm) TriageChatPipeline.Register(services);
        services.AddSingleton<TriageModels>();
        services.AddScoped<TriageService>();
        // Who a scope works for: set by the Api per request; nobody in the Worker.
        services.TryAddScoped<CallerIdentity>();
        return builder;
    }
}
