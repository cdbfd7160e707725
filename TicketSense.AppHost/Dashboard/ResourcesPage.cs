using TicketSense.AppHost.Hosting;

namespace TicketSense.AppHost.Dashboard;

/// <summary>Every resource the AppHost runs: state, where to reach it, restarts, and links to its logs and traces.</summary>
public static class ResourcesPage
{
    public static Html Render(IEnumerable<Resource> resources) => Html.Of($"""
        <table id="resources">
        <thead><tr><th>Resource</th><th>State</th><th>URL</th><th>Restarts</th><th>Logs</th></tr></thead>
        <tbody>
        {Html.Join(resources.Select(Row))}
        </tbody>
        </table>
        """);

    private static Html Row(Resource resource)
    {
        var name = Uri.EscapeDataString(resource.Name);
        var url = resource.Url is { } u && u.StartsWith("http://", StringComparison.Ordinal)
            ? Html.Of($"<a href=\"{u}\">{u}</a>")
            : Html.Of($"{resource.Url ?? ""}");
        return Html.Of($"""
            <tr data-resource="{resource.Name}">
            <td>{resource.Name}</td>
            <td class="state state-{resource.State}">{resource.State}</td>
            <td>{url}</td>
            <td class="restarts">{resource.Restarts}</td>
            <td><a href="/console/{name}">console</a> · <a href="/structuredlogs?resource={name}">structured</a> · <a href="/traces?resource={name}">traces</a></td>
            </tr>
            """);
    }
}
