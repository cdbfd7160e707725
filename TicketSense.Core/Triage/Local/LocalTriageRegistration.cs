using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Core.Data;

namespace TicketSense.Core.Triage.Local;

/// <summary>Registers the local model and its settings (<c>Data:Path</c>, <c>Triage:LocalModelCache</c>), warmed up when the host starts.</summary>
public static class LocalTriageRegistration
{
    public static IServiceCollection AddLocalTriageModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DataOptions, DataOptionsValidator>(configuration, DataOptions.Section);
        services.AddValidatedOptions<LocalTriageModelOptions, LocalTriageModelOptionsValidator>(configuration, LocalTriageModelOptions.Section);
        services.AddSingleton<LocalTriageModelProvider>();
        services.AddHostedService<LocalTriageModelWarmup>();
        return services;
    }
}
