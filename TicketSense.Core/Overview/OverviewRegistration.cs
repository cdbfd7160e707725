using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace TicketSense.Core.Overview;

/// <summary>Registers <see cref="OverviewService"/> and the one <see cref="OverviewRefresher"/> (also resolvable, for its <c>Refreshed</c> event).</summary>
public static class OverviewRegistration
{
    public static TBuilder AddTicketSenseOverview<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<OverviewService>();
        builder.Services.AddSingleton<OverviewRefresher>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<OverviewRefresher>());
        return builder;
    }
}
