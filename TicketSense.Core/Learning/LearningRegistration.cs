using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Core.Learning;

/// <summary>
/// Makes a process with storage serve the model versions stored in Postgres (<see cref="ModelVersionSync"/>), and
/// registers the store they are read from. Only the Worker registers <see cref="ModelTrainer"/> and trains.
/// </summary>
public static class LearningRegistration
{
    public static TBuilder AddTicketSenseLearning<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        // Resolved when called, not when built: the sync itself depends on the provider that calls it.
        services.AddSingleton(provider => new StoredModelLoader(cancellationToken => provider.GetRequiredService<ModelVersionSync>().SyncAsync(cancellationToken)));
        services.AddScoped<ModelStore>();
        services.AddSingleton<ModelVersionSync>();
        services.AddHostedService(provider => provider.GetRequiredService<ModelVersionSync>());
        return builder;
    }
}
