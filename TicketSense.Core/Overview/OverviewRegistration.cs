using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace TicketSense.Core.Overview;

/// <summary>
/// Registers <see cref="OverviewService"/> alone (for one-shot commands), or with the one background
/// <see cref="OverviewRefresher"/> (also resolvable, for its <c>Refreshed</c> event). Both may be called on one builder.
/// </summary>
public static class OverviewRegistration
{
    public static TBuilder AddTicketSenseOverview<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddTicketSenseOverviewService();
        builder.Services.AddSingleton<OverviewRefresher>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<OverviewRefresher>());
        builder.Services.AddHostedService<OverviewCopySync>();
        return builder;
    }

    /// <summary><see cref="OverviewService"/> and <see cref="TrendQuery"/>, without the background refresher.</summary>
    public static TBuilder AddTicketSenseOverviewService<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddScoped<OverviewService>();
        builder.Services.TryAddSingleton<OverviewCopy>();
        builder.Services.AddMemoryCache();
        builder.Services.TryAddScoped<TrendQuery>();
        return builder;
    }
}
