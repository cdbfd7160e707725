using Microsoft.Extensions.DependencyInjection;

namespace TicketSense.Core.Triage.Local;

/// <summary>Registers the local model, warmed up when the host starts.</summary>
public static class LocalTriageRegistration
{
    public static IServiceCollection AddLocalTriageModel(this IServiceCollection services)
    {
        services.AddSingleton<LocalTriageModelProvider>();
        services.AddHostedService<LocalTriageModelWarmup>();
        return services;
    }
}
