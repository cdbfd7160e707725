using TicketSense.Core.Overview;
using TicketSense.Worker;
using TicketSense.Worker.Backlog;
using TicketSense.Worker.Commands;
using TicketSense.Worker.Evaluation;
using TicketSense.Worker.Seeding;

// One-shot commands first; with no command, the worker runs as the service the AppHost starts.
switch (args.FirstOrDefault())
{
    case "seed": return await SeedCommand.RunAsync(args[1..]);
    case "triage-all": return await TriageAllCommand.RunAsync(args[1..]);
    case "refresh-overview": return await RefreshOverviewCommand.RunAsync(args[1..]);
    case "eval": return await EvalCommand.RunAsync(args[1..]);
    case { } verb when !verb.StartsWith('-'):
        Console.Error.WriteLine($"Unknown command '{verb}'. Commands: seed [path], triage-all [--force], refresh-overview, eval; none runs the worker service.");
        return 2;
}

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddTicketSenseWorker(migrateAtStart: true);
builder.AddTicketSenseOverview();
builder.Services.AddSingleton<SeedGate>();
builder.Services.AddHostedService<SeedLoaderService>();
builder.Services.AddHostedService<BacklogTriageService>();

await builder.Build().RunAsync();
return 0;
