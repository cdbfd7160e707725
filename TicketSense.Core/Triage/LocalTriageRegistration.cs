using Microsoft.Extensions.DependencyInjection;

namespace TicketSense.Core.Triage;

// Placeholder until the local-model branch lands (issue 4).
public static class LocalTriageRegistration
{
    public static IServiceCollection AddLocalTriageModel(this IServiceCollection services) =>
        services.AddSingleton<LocalTriageModelProvider>();
}
