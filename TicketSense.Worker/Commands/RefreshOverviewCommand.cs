using System.CommandLine;
using System.Text.Json;
using TicketSense.Contracts;
using TicketSense.Core.Overview;

namespace TicketSense.Worker.Commands;

/// <summary><c>refresh-overview</c>: recomputes <c>triage:overview</c> from Postgres and prints it.</summary>
public static class RefreshOverviewCommand
{
    public static Command Create(string[] settings)
    {
        var command = new Command("refresh-overview", "Recompute triage:overview from Postgres, store it in Redis and print it.");
        command.SetCancellableAction((_, cancellationToken) => CommandHost.RunAsync(command.Name, settings, async (services, token) =>
        {
            await using var scope = services.CreateAsyncScope();
            var overview = await scope.ServiceProvider.GetRequiredService<OverviewService>().RefreshAsync(token);
            Console.WriteLine(JsonSerializer.Serialize(overview, TicketSenseJson.Options));
            Console.WriteLine($"refresh-overview: {overview.TotalTickets} tickets, {overview.Pending} pending; stored in triage:overview for 24 h.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
