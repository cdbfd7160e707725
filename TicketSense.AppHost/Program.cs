using TicketSense.AppHost.Processes;

// For now: Postgres, Redis and the Api, wired Aspire-style. The worker, the dashboard, health-gated ordering and
// the resource table arrive with the AppHost issue.
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };

var root = RepositoryRoot.Find();
var dataDirectory = Path.Combine(root, "TicketSense.AppHost", ".apphost");
void Log(string resource, string line) => Console.WriteLine($"{resource,-9}| {line}");

await using var postgres = await PostgresServer.StartAsync(
    new PostgresServerOptions(Path.Combine(dataDirectory, "postgres"), FreePort.Next()) { OnLine = line => Log("postgres", line) },
    stopping.Token);
await postgres.CreateDatabaseAsync("tickets", cancellationToken: stopping.Token);
await using var redis = await RedisServer.StartAsync(FreePort.Next(), line => Log("redis", line), stopping.Token);

const string apiUrl = "http://localhost:8000";
await using var api = ChildProcess.Start("api", "dotnet", [ServiceProject.DllPath(root, "TicketSense.Api")],
    environment: new Dictionary<string, string?>
    {
        ["ConnectionStrings__tickets"] = postgres.ConnectionString("tickets"),
        ["ConnectionStrings__cache"] = redis.ConnectionString,
        ["ASPNETCORE_URLS"] = apiUrl,
        ["OTEL_SERVICE_NAME"] = "api",
    },
    onLine: line => Log("api", line));

Console.WriteLine($"TicketSense is starting: api {apiUrl} (Ctrl+C stops everything)");
try
{
    await api.WaitForExitAsync(stopping.Token);
    Console.Error.WriteLine($"api exited with code {api.ExitCode}.");
    return 1;
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopping…");
    return 0;
}
