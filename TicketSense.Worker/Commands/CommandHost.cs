using TicketSense.Core.Data;

namespace TicketSense.Worker.Commands;

/// <summary>
/// The services a one-shot command runs on — the same registrations as the hosted worker, without its background
/// services — with the database migrated first, and failures turned into a message that says what to do.
/// </summary>
public static class CommandHost
{
    /// <param name="settings">Configuration settings in command-line form (<c>--Key=value</c>).</param>
    public static IHost Build(string[] settings)
    {
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddTicketSenseWorker(migrateAtStart: false);
        return builder.Build();
    }

    /// <summary>Runs <paramref name="command"/> on a migrated database; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string name, string[] settings, Func<IServiceProvider, CancellationToken, Task<int>> command,
        CancellationToken cancellationToken)
    {
        try
        {
            using var host = Build(settings);
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<TicketsDbContext>(), cancellationToken);
            }
            return await command(host.Services, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // Npgsql's cancellation carries a PostgresException inside: a cancellation, not an unreachable server
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException || ex.InnerException is Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"{name}: cannot reach Postgres ({ex.Message}). Start the system with `dotnet run --project TicketSense.AppHost`, " +
                "or point ConnectionStrings__tickets at a running server.");
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            Console.Error.WriteLine($"{name}: {ex.Message}");
            return 1;
        }
    }
}
