using System.Diagnostics;
using TicketSense.Core.Data;
using TicketSense.Core.Learning;
using TicketSense.Core.Triage.Local;

// The local triage model's costs: training on the seed set and on the seed plus 5,000 corrections (target: at most
// 60 s; the exit code is 1 when it takes longer), what another company's corrections teach it, the stored payload,
// saving, loading, and predictions per second on one thread and on every core. Prints one line per measurement.
var dataPath = DataPath.Resolve(args.FirstOrDefault());
var seed = TicketDataset.LoadSeed(dataPath).Labelled();
var tickets = seed.Select(l => l.Ticket).Concat(TicketDataset.LoadEval(dataPath).Tickets).ToList();
var cache = Directory.CreateTempSubdirectory("ticketsense-bench-");

try
{
    var clock = Stopwatch.StartNew();
    var model = LocalTriageModel.Train(seed);
    Report("train (300 seed tickets, 3 models)", clock.Elapsed);

    // The seed plus 5,000 corrections (the holdout set's tickets and labels over and over, weighing 3 each): what a
    // retrain costs once a team has corrected that many tickets.
    var holdout = TicketDataset.Load(dataPath, TicketDataset.HoldoutFolder).Labelled();
    // Each correction is a ticket of its own, as in Postgres: the holdout's texts under ids of their own.
    var corrections = Enumerable.Range(0, 5_000).Select(i =>
    {
        var (ticket, gold) = holdout[i % holdout.Count];
        var copy = new Ticket { Id = $"CORR-{i}", Sender = ticket.Sender, Subject = ticket.Subject, Body = ticket.Body, ReceivedAt = ticket.ReceivedAt };
        return TrainingTicket.Of((copy, gold)) with { Weight = TrainingSet.CorrectionWeight };
    }).ToList();
    clock.Restart();
    var retrained = LocalTriageModel.Train(TrainingSet.Of(seed, corrections));
    var retrainTime = clock.Elapsed;
    Report("train (300 seed tickets + 5,000 corrections, 3 models; target ≤ 60000)", retrainTime);
    clock.Restart();
    var payload = retrained.ToBytes();
    Report($"serialize for Postgres ({payload.Length / 1024} KiB)", clock.Elapsed);
    clock.Restart();
    LocalTriageModel.FromBytes(payload, version: 2);
    Report("load from the stored bytes", clock.Elapsed);

    // Another company's labels: its first half corrected (weighing 3), its other half only scored, against the seed model.
    var (taught, unseen) = (holdout.Where((_, i) => i % 2 == 0).Select(h => TrainingTicket.Of(h) with { Weight = TrainingSet.CorrectionWeight }).ToList(),
        holdout.Where((_, i) => i % 2 == 1).ToList());
    var learned = LocalTriageModel.Train(TrainingSet.Of(seed, taught));
    Console.WriteLine($"holdout, odd half: seed model {Score(model, unseen)}; after {taught.Count} corrections of the even half {Score(learned, unseen)}");

    clock.Restart();
    model.Save(cache.FullName, "bench");
    Report("save to cache", clock.Elapsed);

    var loads = new List<TimeSpan>();
    LocalTriageModel? loaded = null;
    for (var i = 0; i < 5; i++)
    {
        clock.Restart();
        loaded = LocalTriageModel.TryLoad(cache.FullName, "bench") ?? throw new InvalidOperationException("The cached model did not load.");
        loads.Add(clock.Elapsed);
    }
    Report("load from cache (median of 5)", loads.Order().ElementAt(2));

    foreach (var t in tickets.Take(20)) loaded!.Predict(t); // warm-up

    const int rounds = 5;
    clock.Restart();
    for (var r = 0; r < rounds; r++) foreach (var t in tickets) loaded!.Predict(t);
    var single = rounds * tickets.Count / clock.Elapsed.TotalSeconds;
    Console.WriteLine($"predict, 1 thread: {single:F0} tickets/s ({1000 / single:F2} ms each, {tickets.Count * rounds} predictions)");

    clock.Restart();
    Parallel.For(0, rounds * tickets.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => loaded!.Predict(tickets[i % tickets.Count]));
    var parallel = rounds * tickets.Count / clock.Elapsed.TotalSeconds;
    Console.WriteLine($"predict, {Environment.ProcessorCount} threads: {parallel:F0} tickets/s");
    Console.WriteLine($"working set: {Environment.WorkingSet / 1024 / 1024} MiB");
    if (retrainTime > TimeSpan.FromSeconds(60))
    {
        Console.WriteLine("FAIL: training on the seed plus 5,000 corrections took over 60 s.");
        return 1;
    }
    return 0;
}
finally
{
    cache.Delete(recursive: true);
}

static string Score(LocalTriageModel model, IReadOnlyList<(Ticket Ticket, TicketSense.Contracts.GoldLabel Gold)> tickets)
{
    var outputs = tickets.Select(t => (t.Gold, Output: model.Predict(t.Ticket))).ToList();
    double Share(Func<(TicketSense.Contracts.GoldLabel Gold, TicketSense.Contracts.TriageOutput Output), bool> right) => 100.0 * outputs.Count(right) / outputs.Count;
    return $"priority {Share(o => o.Output.Priority == o.Gold.Priority):F1} %, category {Share(o => o.Output.Category == o.Gold.Category):F1} %, sentiment {Share(o => o.Output.Sentiment == o.Gold.Sentiment):F1} %";
}

static void Report(string what, TimeSpan elapsed) => Console.WriteLine($"{what}: {elapsed.TotalMilliseconds:F0} ms");
