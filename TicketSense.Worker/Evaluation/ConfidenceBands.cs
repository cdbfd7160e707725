namespace TicketSense.Worker.Evaluation;

/// <summary>
/// Accuracy per confidence band, per dimension: whether a label the model is surer of is right more often — what
/// makes the confidence worth sorting a review queue by.
/// </summary>
public sealed class ConfidenceBands
{
    /// <summary>The lower edges of the bands: [0, 0.5), [0.5, 0.7), [0.7, 0.9), [0.9, 1].</summary>
    public static IReadOnlyList<double> LowerEdges { get; } = [0, 0.5, 0.7, 0.9];

    private readonly List<double> _lowest = [];

    /// <summary>Per dimension, per band: how many labels fell in it and how many of those were right.</summary>
    public Dictionary<string, BandScore[]> Dimensions { get; } = new()
    {
        ["priority"] = NewBands(),
        ["category"] = NewBands(),
        ["sentiment"] = NewBands(),
    };

    /// <summary>
    /// The confidence under which a fifth of the tickets have a label: a review threshold (<c>Triage:ReviewThreshold</c>)
    /// that puts about that share of tickets like these in front of a human.
    /// </summary>
    public double ThresholdForAFifth => _lowest.Count == 0 ? 0 : _lowest.Order().ElementAt(_lowest.Count / 5);

    public void Add(string dimension, double confidence, bool correct)
    {
        var band = Dimensions[dimension][Band(confidence)];
        band.Labels++;
        if (correct) band.Correct++;
    }

    /// <summary>The ticket's least sure label, for <see cref="ThresholdForAFifth"/>.</summary>
    public void AddTicket(double lowestConfidence) => _lowest.Add(lowestConfidence);

    public string Format()
    {
        var lines = new List<string> { "confidence".PadRight(12) + string.Concat(Dimensions.Keys.Select(d => d.PadLeft(20))) };
        for (var band = 0; band < LowerEdges.Count; band++)
        {
            var upper = band + 1 < LowerEdges.Count ? $"{LowerEdges[band + 1]:0.0}" : "1.0";
            lines.Add($"  {LowerEdges[band]:0.0}–{upper}".PadRight(12) + string.Concat(Dimensions.Values.Select(bands => bands[band].Format().PadLeft(20))));
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static int Band(double confidence)
    {
        for (var band = LowerEdges.Count - 1; band > 0; band--) if (confidence >= LowerEdges[band]) return band;
        return 0;
    }

    private static BandScore[] NewBands() => [.. LowerEdges.Select(_ => new BandScore())];

    public sealed class BandScore
    {
        public int Labels { get; set; }

        public int Correct { get; set; }

        public double? Accuracy => Labels == 0 ? null : (double)Correct / Labels;

        public string Format() => Labels == 0 ? "—" : $"{Accuracy:P1} of {Labels}";
    }
}
