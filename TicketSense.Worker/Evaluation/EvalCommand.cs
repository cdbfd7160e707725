using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;
using TicketSense.Core.Triage.Local;
using TicketSense.Worker.Commands;

namespace TicketSense.Worker.Evaluation;

/// <summary>
/// <c>eval [--set seed|eval|holdout] [--mode local|llm] [--json PATH]</c>: scores triage against the gold labels. The local
/// model on the seed set is 5-fold cross-validated (no ticket is scored by a model trained on it); on a held-out set it
/// is the model trained on every seed ticket. <c>--mode llm</c> scores the configured LLM pipeline. Needs no storage.
/// </summary>
public static class EvalCommand
{
    public static Command Create(string[] settings)
    {
        var set = new Option<string>("--set")
        {
            Description = "seed: the 300 seed tickets (the local model cross-validated); eval: the 80 tickets in other voices; holdout: the 220 tickets of other companies (neither trained on)",
            DefaultValueFactory = _ => TicketDataset.Seed,
        };
        set.AcceptOnlyFromAmong([.. TicketDataset.Sets]);
        var mode = new Option<string>("--mode")
        {
            Description = "local: the local model; llm: the configured LLM pipeline (needs Triage:ApiKey)",
            DefaultValueFactory = _ => "local",
        };
        mode.AcceptOnlyFromAmong("local", "llm");
        var json = new Option<string>("--json") { Description = "Also write the report as JSON to PATH", HelpName = "PATH" };
        var command = new Command("eval", "Score triage against the gold labels: per-dimension accuracy, confusion matrices, mean latency. Needs no storage.")
        {
            set, mode, json,
        };
        command.SetCancellableAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetRequiredValue(set), parseResult.GetRequiredValue(mode), parseResult.GetValue(json), settings, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string set, string mode, string? jsonPath, string[] settings, CancellationToken cancellationToken)
    {
        try
        {
            var builder = Host.CreateApplicationBuilder(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddTicketSenseTriage();
            using var host = builder.Build();
            var dataPath = host.Services.GetRequiredService<IOptions<DataOptions>>().Value.Folder;

            var report = mode == "local"
                ? await EvaluateLocalAsync(set, dataPath, host.Services, cancellationToken)
                : await EvaluateLlmAsync(set, dataPath, host.Services, cancellationToken);
            report.Print(Console.Out);
            if (jsonPath is not null)
            {
                await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, ReportJson), cancellationToken);
                Console.WriteLine($"eval: report written to {Path.GetFullPath(jsonPath)}");
            }
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or InvalidOperationException or UnauthorizedAccessException
                                   or OptionsValidationException)
        {
            Console.Error.WriteLine($"eval: {ex.Message}");
            return 1;
        }
    }

    private static readonly JsonSerializerOptions ReportJson = new(TicketSenseJson.Options) { WriteIndented = true };

    private static async Task<EvaluationReport> EvaluateLocalAsync(string set, string dataPath, IServiceProvider services, CancellationToken cancellationToken)
    {
        var seed = TicketDataset.LoadSeed(dataPath).Labelled();
        if (set != TicketDataset.Seed)
        {
            var report = new EvaluationReport(set, "local", "model trained on every seed ticket");
            var started = Stopwatch.GetTimestamp();
            var model = await services.GetRequiredService<LocalTriageModelProvider>().GetAsync(cancellationToken);
            report.TrainingMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Score(report, model, TicketDataset.Load(dataPath, set).Labelled());
            return report;
        }

        var cv = new EvaluationReport(set, "local", $"{CrossValidation.Folds}-fold cross-validation");
        var trainingStarted = Stopwatch.GetTimestamp();
        for (var fold = 0; fold < CrossValidation.Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (train, test) = CrossValidation.Split(seed, fold);
            var model = LocalTriageModel.Train(train);
            Score(cv, model, test);
        }
        cv.TrainingMs = Stopwatch.GetElapsedTime(trainingStarted).TotalMilliseconds;
        return cv;
    }

    private static void Score(EvaluationReport report, LocalTriageModel model, IEnumerable<(Ticket Ticket, GoldLabel Gold)> tickets)
    {
        foreach (var (ticket, gold) in tickets)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = model.Answer(ticket);
            report.Add(gold, answer.Output, answer.Confidence, answer.Source, Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<EvaluationReport> EvaluateLlmAsync(string set, string dataPath, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<ActiveTriageMode>().IsLlm)
            throw new InvalidOperationException("--mode llm needs an LLM: set Triage__ApiKey (and Triage__Endpoint for a provider other than the default).");
        var tickets = TicketDataset.Load(dataPath, set).Labelled();
        var models = services.GetRequiredService<TriageModels>();
        var report = new EvaluationReport(set, "llm", "the configured LLM pipeline, one ticket at a time");
        var progress = Terminal.ProgressBar.ForConsole("eval", tickets.Count);
        var done = 0;
        foreach (var (ticket, gold) in tickets)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await models.AskAsync(ticket, cancellationToken);
            report.Add(gold, answer.Output, answer.Confidence, answer.Source, Stopwatch.GetElapsedTime(started));
            progress.Report(++done);
        }
        return report;
    }
}
