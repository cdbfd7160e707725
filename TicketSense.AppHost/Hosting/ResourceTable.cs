using System.Text;

namespace TicketSense.AppHost.Hosting;

/// <summary>The resource table: each resource's state and where to reach it.</summary>
public static class ResourceTable
{
    public static string Render(IEnumerable<Resource> resources)
    {
        var rows = resources.Select(r => (r.Name, State: r.State.ToString(), Url: r.Url ?? "")).ToList();
        var nameWidth = Math.Max(8, rows.Max(r => r.Name.Length));
        var text = new StringBuilder();
        text.AppendLine($"{"Resource".PadRight(nameWidth)}  {"State",-8}  URL");
        text.AppendLine($"{new string('-', nameWidth)}  {new string('-', 8)}  {new string('-', 40)}");
        foreach (var (name, state, url) in rows) text.AppendLine($"{name.PadRight(nameWidth)}  {state,-8}  {url}");
        return text.ToString();
    }
}
