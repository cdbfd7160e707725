using System.Text.Json;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Tests.Unit;

/// <summary>The seed and held-out data under <c>data/</c> are what data/README.md promises.</summary>
public sealed class DatasetTests
{
    private static readonly string DataFolder = DataPath.Resolve(null);

    private static List<TicketRequest> Read(string file) =>
        JsonSerializer.Deserialize<List<TicketRequest>>(File.ReadAllText(file), TicketSenseJson.Options)!;

    private static List<TicketRequest> SeedRequests() => TicketDataset.SeedBatchFiles(DataFolder).SelectMany(Read).ToList();

    /// <summary>The tickets of both held-out sets, which no model trains on.</summary>
    private static List<TicketRequest> EvalRequests() =>
        [.. Read(Path.Combine(DataFolder, TicketDataset.EvalFolder, "tickets.json")), .. Read(Path.Combine(DataFolder, TicketDataset.HoldoutFolder, "tickets.json"))];

    [Fact]
    public void The_seed_set_is_six_batches_of_fifty_with_ids_in_order()
    {
        var batches = TicketDataset.SeedBatchFiles(DataFolder);
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"batch_{n}.json"), batches.Select(Path.GetFileName));
        var ids = batches.SelectMany(Read).Select(t => t.Id).ToList();
        Assert.Equal(Enumerable.Range(1, 300).Select(n => $"TKT-{n:0000}"), ids);
        Assert.All(batches, batch => Assert.Equal(50, Read(batch).Count));
    }

    [Fact]
    public void Every_ticket_is_a_body_that_POST_tickets_accepts()
    {
        foreach (var request in SeedRequests().Concat(EvalRequests()))
        {
            var (ticket, errors) = TicketRequestValidator.Validate(request);
            Assert.True(ticket is not null, $"{request.Id}: {string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"))}");
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", request.ReceivedAt!);
        }
    }

    [Fact]
    public void Ids_subjects_and_body_openings_are_unique_across_seed_and_held_out_sets()
    {
        var all = SeedRequests().Concat(EvalRequests()).ToList();
        AssertUnique(all.Select(t => t.Id!), "id");
        AssertUnique(all.Select(t => t.Subject!.Trim()), "subject");
        AssertUnique(all.Select(t => Opening(t.Body!)), "body opening");
    }

    [Fact]
    public void The_seed_senders_span_about_thirty_domains_and_150_names()
    {
        var senders = SeedRequests().Select(t => t.Sender!.ToLowerInvariant()).ToList();
        var domains = senders.Select(s => s[(s.IndexOf('@') + 1)..]).Distinct().Count();
        var names = senders.Distinct().Count();

        Assert.InRange(domains, 25, 35);
        Assert.InRange(names, 120, 180);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("eval")]
    [InlineData("holdout")]
    public void Every_ticket_has_a_gold_label_and_no_label_lacks_a_ticket(string set)
    {
        var dataset = TicketDataset.Load(DataFolder, set);

        Assert.Equal(dataset.Tickets.Select(t => t.Id).Order(), dataset.Gold.Keys.Order());
        Assert.All(dataset.Gold.Values, gold =>
        {
            Assert.True(Enum.IsDefined(gold.Priority));
            Assert.True(Enum.IsDefined(gold.Category));
            Assert.True(Enum.IsDefined(gold.Sentiment));
        });
    }

    [Fact]
    public void Every_label_value_is_on_at_least_fifteen_seed_tickets()
    {
        var gold = TicketDataset.LoadSeed(DataFolder).Gold.Values.ToList();

        foreach (var value in Enum.GetValues<Priority>()) Assert.True(gold.Count(g => g.Priority == value) >= 15, $"priority {WireNames.Of(value)}");
        foreach (var value in Enum.GetValues<Category>()) Assert.True(gold.Count(g => g.Category == value) >= 15, $"category {WireNames.Of(value)}");
        foreach (var value in Enum.GetValues<Sentiment>()) Assert.True(gold.Count(g => g.Sentiment == value) >= 15, $"sentiment {WireNames.Of(value)}");
    }

    [Fact]
    public void The_gold_files_hold_only_the_wire_names_of_the_enums()
    {
        foreach (var file in new[] { "gold.json", Path.Combine(TicketDataset.EvalFolder, "gold.json"), Path.Combine(TicketDataset.HoldoutFolder, "gold.json") }.Select(f => Path.Combine(DataFolder, f)))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var label in document.RootElement.EnumerateObject())
            {
                Assert.Contains(label.Value.GetProperty("priority").GetString(), WireNames.All<Priority>());
                Assert.Contains(label.Value.GetProperty("category").GetString(), WireNames.All<Category>());
                Assert.Contains(label.Value.GetProperty("sentiment").GetString(), WireNames.All<Sentiment>());
                Assert.Equal(3, label.Value.EnumerateObject().Count());
            }
        }
    }

    private static string Opening(string body)
    {
        var text = string.Join(' ', body.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return text[..Math.Min(60, text.Length)];
    }

    private static void AssertUnique(IEnumerable<string> values, string what)
    {
        var duplicates = values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"duplicate {what}: {string.Join(" | ", duplicates)}");
    }
}
