using System.Text.Json;
using TicketSense.Core.Triage.Local;
using TicketSense.Worker.Commands;
using TicketSense.Worker.Evaluation;

namespace TicketSense.Tests.Unit;

public sealed class EvalCommandTests
{
    [Fact]
    public void Cross_validation_never_tests_a_ticket_it_trained_on_and_tests_each_once()
    {
        var items = Enumerable.Range(0, 300).ToList();
        var tested = new List<int>();
        for (var fold = 0; fold < CrossValidation.Folds; fold++)
        {
            var (train, test) = CrossValidation.Split(items, fold);
            Assert.Empty(train.Intersect(test));
            Assert.Equal(items.Count, train.Count + test.Count);
            tested.AddRange(test);
        }
        Assert.Equal(items, tested.Order());
    }

    [Fact]
    public async Task The_eval_set_report_counts_every_ticket_in_each_confusion_matrix()
    {
        var folder = Directory.CreateTempSubdirectory("ticketsense-eval-");
        try
        {
            var json = Path.Combine(folder.FullName, "report.json");
            var exit = await WorkerCommandLine.InvokeAsync(["eval", "--set", "eval", "--json", json, $"--Triage:LocalModelCache={folder.FullName}"]);

            Assert.Equal(0, exit);
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var tickets = report.RootElement.GetProperty("tickets").GetInt32();
            Assert.Equal(80, tickets);
            Assert.Equal(80, report.RootElement.GetProperty("sources").GetProperty("local").GetInt32());
            foreach (var dimension in new[] { "priority", "category", "sentiment" })
            {
                var score = report.RootElement.GetProperty("dimensions").GetProperty(dimension);
                var confusion = score.GetProperty("confusion").EnumerateArray().Select(row => row.EnumerateArray().Sum(n => n.GetInt32())).Sum();
                Assert.Equal(tickets, confusion);
                var diagonal = score.GetProperty("confusion").EnumerateArray().Select((row, i) => row[i].GetInt32()).Sum();
                Assert.Equal((double)diagonal / tickets, score.GetProperty("accuracy").GetDouble(), 6);
            }
            Assert.True(report.RootElement.GetProperty("mean_latency_ms").GetDouble() > 0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--set", "nonsense")]
    [InlineData("--mode", "psychic")]
    [InlineData("--json")]
    public async Task Bad_arguments_exit_with_usage(params string[] args) =>
        Assert.Equal(2, await WorkerCommandLine.InvokeAsync(["eval", .. args]));

    [Fact]
    public async Task Llm_mode_without_a_key_says_what_to_set() =>
        Assert.Equal(1, await WorkerCommandLine.InvokeAsync(["eval", "--mode", "llm", "--Triage:Mode=auto"]));
}
