using TicketSense.Contracts;

namespace TicketSense.Worker.Evaluation;

/// <summary>What <c>eval</c> measured: per-dimension accuracy and confusion, which tiers answered, and the time taken.</summary>
public sealed class EvaluationReport(string set, string mode, string method)
{
    public string Set { get; } = set;

    public string Mode { get; } = mode;

    public string Method { get; } = method;

    public int Tickets { get; private set; }

    public double MeanLatencyMs => Tickets == 0 ? 0 : TotalLatencyMs / Tickets;

    public double TrainingMs { get; set; }

    public Dictionary<string, DimensionScore> Dimensions { get; } = new()
    {
        ["priority"] = new(WireNames.All<Priority>()),
        ["category"] = new(WireNames.All<Category>()),
        ["sentiment"] = new(WireNames.All<Sentiment>()),
    };

    public SortedDictionary<string, int> Sources { get; } = new(StringComparer.Ordinal);

    public ConfidenceBands Confidence { get; } = new();

    private double TotalLatencyMs { get; set; }

    public void Add(GoldLabel gold, TriageOutput predicted, TriageConfidence confidence, TriageSource source, TimeSpan latency)
    {
        Dimensions["priority"].Add(WireNames.Of(gold.Priority), WireNames.Of(predicted.Priority));
        Dimensions["category"].Add(WireNames.Of(gold.Category), WireNames.Of(predicted.Category));
        Dimensions["sentiment"].Add(WireNames.Of(gold.Sentiment), WireNames.Of(predicted.Sentiment));
        Confidence.Add("priority", confidence.Priority, gold.Priority == predicted.Priority);
        Confidence.Add("category", confidence.Category, gold.Category == predicted.Category);
        Confidence.Add("sentiment", confidence.Sentiment, gold.Sentiment == predicted.Sentiment);
        Confidence.AddTicket(confidence.Lowest);
        var name = WireNames.Of(source);
        Sources[name] = Sources.GetValueOrDefault(name) + 1;
        TotalLatencyMs += latency.TotalMilliseconds;
        Tickets++;
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"eval: {Tickets} tickets of the {Set} set, {Mode} mode, {Method}.");
        foreach (var (name, score) in Dimensions)
        {
            output.WriteLine();
            output.WriteLine($"{name}: {score.Accuracy:P1} ({score.Correct}/{score.Total}); majority-class baseline {score.MajorityBaseline:P1} (always {score.MajorityLabel})");
            output.WriteLine(score.Format());
        }
        output.WriteLine();
        output.WriteLine("accuracy by confidence band (labels in the band):");
        output.WriteLine(Confidence.Format());
        output.WriteLine($"a fifth of the tickets have a label under confidence {Confidence.ThresholdForAFifth:0.00} (a Triage:ReviewThreshold for them)");
        output.WriteLine();
        output.WriteLine($"answered by: {string.Join(", ", Sources.Select(s => $"{s.Key} {s.Value}"))}");
        if (TrainingMs > 0) output.WriteLine($"training: {TrainingMs:F0} ms");
        output.WriteLine($"mean latency per ticket: {MeanLatencyMs:F2} ms");
    }
}
