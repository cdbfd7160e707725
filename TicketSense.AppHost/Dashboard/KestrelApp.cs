using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.AppHost.Processes;

namespace TicketSense.AppHost.Dashboard;

/// <summary>
/// A bare Kestrel app on one localhost port, inside the AppHost process: no configuration files, environment or
/// logging of its own, so a developer's <c>ASPNETCORE_*</c> settings meant for the services never reach it.
/// </summary>
public static class KestrelApp
{
    public static WebApplication Create(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.ListenLocalhost(port));
        builder.Services.AddRoutingCore();
        return builder.Build();
    }

    /// <summary>Starts <paramref name="app"/>; a taken port fails with the setting that chooses another.</summary>
    public static async Task StartAsync(WebApplication app, string name, int port, string portSetting, CancellationToken cancellationToken)
    {
        if (FreePort.IsInUse(port)) throw FreePort.InUse(name, port, portSetting);
        app.UseRouting();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException) when (FreePort.IsInUse(port)) // taken between the check and the bind
        {
            throw FreePort.InUse(name, port, portSetting);
        }
    }
}
