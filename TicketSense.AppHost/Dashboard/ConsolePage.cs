using TicketSense.AppHost.Hosting;

namespace TicketSense.AppHost.Dashboard;

/// <summary>A resource's recent console lines (stdout and stderr), as the AppHost keeps them; the full log file is named.</summary>
public static class ConsolePage
{
    public static Html Render(Resource resource)
    {
        var lines = resource.Log?.RecentLines ?? [];
        return Html.Of($"""
            <p class="muted">The last {lines.Count} lines of {resource.Name} (state: {resource.State}). Full log: <code>{resource.Log?.FilePath ?? "not started"}</code> · <a href="/console/{Uri.EscapeDataString(resource.Name)}">refresh</a></p>
            <pre class="console" id="console">{string.Join("\n", lines)}</pre>
            """);
    }
}
