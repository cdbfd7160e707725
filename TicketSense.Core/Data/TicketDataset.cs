using System.Globalization;
using System.Text.Json;
using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// The tickets and gold labels under <c>data/</c>: the seed set (<c>batch_*.json</c> + <c>gold.json</c>) and the two
/// held-out sets no model is ever trained on, each a folder with <c>tickets.json</c> + <c>gold.json</c>: <c>eval/</c>
/// (80 tickets in other voices) and <c>holdout/</c> (220 tickets of other companies and industries).
/// </summary>
public sealed record TicketDataset(IReadOnlyList<Ticket> Tickets, IReadOnlyDictionary<string, GoldLabel> Gold)
{
    public const string Seed = "seed";
    public const string EvalFolder = "eval";
    public const string HoldoutFolder = "holdout";

    /// <summary>The sets <see cref="Load"/> knows, as <c>eval --set</c> names them.</summary>
    public static IReadOnlyList<string> Sets { get; } = [Seed, EvalFolder, HoldoutFolder];

    /// <summary>One of <see cref="Sets"/>: the seed set, or a held-out set from its folder.</summary>
    public static TicketDataset Load(string dataPath, string set) => set switch
    {
        Seed => LoadSeed(dataPath),
        EvalFolder or HoldoutFolder => LoadHeldOut(Path.Combine(dataPath, set)),
        _ => throw new ArgumentException($"Unknown data set '{set}'; expected one of {string.Join(", ", Sets)}.", nameof(set)),
    };

    /// <summary>The seed set under <paramref name="dataPath"/>: every <c>batch_*.json</c> in name order, and <c>gold.json</c>.</summary>
    public static TicketDataset LoadSeed(string dataPath)
    {
        var batches = SeedBatchFiles(dataPath);
        if (batches.Count == 0) throw new FileNotFoundException($"No batch_*.json in {Path.GetFullPath(dataPath)}.");
        return new(batches.SelectMany(ReadTickets).ToList(), ReadGold(Path.Combine(dataPath, "gold.json")));
    }

    public static TicketDataset LoadEval(string dataPath) => Load(dataPath, EvalFolder);

    private static TicketDataset LoadHeldOut(string folder) =>
        new(ReadTickets(Path.Combine(folder, "tickets.json")), ReadGold(Path.Combine(folder, "gold.json")));

    public static IReadOnlyList<string> SeedBatchFiles(string dataPath) =>
        Directory.Exists(dataPath) ? Directory.GetFiles(dataPath, "batch_*.json").Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>The tickets of one file as written, each exactly a <c>POST /tickets</c> body (a JSON null stays null).</summary>
    public static IReadOnlyList<TicketRequest?> ReadRequests(string file) =>
        JsonSerializer.Deserialize<List<TicketRequest?>>(File.ReadAllText(file), TicketSenseJson.Options)
        ?? throw new InvalidDataException($"{file} holds no ticket array.");

    /// <summary>The tickets of one file, for training and evaluation.</summary>
    public static IReadOnlyList<Ticket> ReadTickets(string file) =>
        ReadRequests(file).Select(request => ToTicket(request ?? throw new InvalidDataException($"{file} holds a null ticket."), file)).ToList();

    public static IReadOnlyDictionary<string, GoldLabel> ReadGold(string file) =>
        JsonSerializer.Deserialize<Dictionary<string, GoldLabel>>(File.ReadAllText(file), TicketSenseJson.Options)
        ?? throw new InvalidDataException($"{file} holds no labels.");

    /// <summary>The tickets with their gold labels, in file order; a ticket without a label is an error in the data.</summary>
    public IReadOnlyList<(Ticket Ticket, GoldLabel Gold)> Labelled() =>
        Tickets.Select(t => Gold.TryGetValue(t.Id, out var gold)
            ? (t, gold)
            : throw new InvalidDataException($"Ticket {t.Id} has no gold label.")).ToList();

    private static Ticket ToTicket(TicketRequest request, string file) => new()
    {
        Id = request.Id ?? throw new InvalidDataException($"A ticket in {file} has no id."),
        Sender = request.Sender ?? "",
        Subject = request.Subject ?? "",
        Body = request.Body ?? "",
        ReceivedAt = DateTimeOffset.Parse(
            request.ReceivedAt ?? throw new InvalidDataException($"Ticket {request.Id} in {file} has no received_at."),
            CultureInfo.InvariantCulture).ToUniversalTime(),
    };
}
