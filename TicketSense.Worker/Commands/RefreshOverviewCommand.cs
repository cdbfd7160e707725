using System.Text.Json;
using TicketSense.Contracts;
using TicketSense.Core.Overview;

namespace TicketSense.Worker.Commands;

/// <summary><c>refresh-overview</c>: recomputes <c>triage:overview</c> from Postgres and prints it.</summary>
public static class RefreshOverviewCommand
{
    public static Task<int> RunAsync(string[] args) => CommandHost.RunAsync("refresh-overview", args, async (services, cancellationToken) =>
    {
        await using var scope = services.CreateAsyncScope();
        var overview = await scope.ServiceProvider.GetRequiredService<OverviewService>().RefreshAsync(cancellationToken);
        Console.WriteLine(JsonSerializer.Serialize(overview, TicketSenseJson.Options));
        Console.WriteLine($"refresh-overview: {overview.TotalTickets} tickets, {overview.Pending} pending; stored in triage:overview for 24 h.");
        return 0;
    });
}
