using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketSense.Core.Contracts;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Core.Triage;

/// <summary>Registers the triage: validated <c>Triage</c> options, the local model, the LLM pipeline and <see cref="TriageService"/>.</summary>
public static class TriageRegistration
{
    public static TBuilder AddTicketSenseTriage<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddOptions<TriageOptions>()
            .Bind(builder.Configuration.GetSection(TriageOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TriageOptions>, TriageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddLocalTriageModel();
        TriageChatPipeline.AddModelHttpClient(services, TriageSource.Primary);
        TriageChatPipeline.AddModelHttpClient(services, TriageSource.Fallback);
        services.AddKeyedSingleton<IChatClient>(TriageChatPipeline.ServiceKey, (provider, _) => TriageChatPipeline.Build(provider));
        services.AddSingleton<TriageModels>();
        services.AddScoped<TriageService>();
        return builder;
    }
}
