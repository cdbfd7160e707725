namespace TicketSense.Worker.Evaluation;

/// <summary>One dimension's result: accuracy and the confusion matrix (rows: gold label, columns: predicted label).</summary>
public sealed class DimensionScore(IReadOnlyList<string> labels)
{
    public IReadOnlyList<string> Labels { get; } = labels;

    public int[][] Confusion { get; } = labels.Select(_ => new int[labels.Count]).ToArray();

    public int Total { get; private set; }

    public int Correct { get; private set; }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>The most frequent gold label: what a rule that always answers it would score.</summary>
    public string MajorityLabel => Labels[Enumerable.Range(0, Labels.Count).MaxBy(row => Confusion[row].Sum())];

    /// <summary>The accuracy of always answering <see cref="MajorityLabel"/>: the floor a model must beat.</summary>
    public double MajorityBaseline => Total == 0 ? 0 : (double)Confusion.Max(row => row.Sum()) / Total;

    public void Add(string gold, string predicted)
    {
        Confusion[Index(gold)][Index(predicted)]++;
        Total++;
        if (gold == predicted) Correct++;
    }

    /// <summary>The matrix as text: one row per gold label, predicted labels across.</summary>
    public string Format()
    {
        var width = Math.Max(Labels.Max(l => l.Length), 5) + 1;
        var lines = new List<string> { "gold \\ predicted".PadRight(width + 2) + string.Concat(Labels.Select(l => l.PadLeft(width))) };
        for (var row = 0; row < Labels.Count; row++)
            lines.Add(("  " + Labels[row]).PadRight(width + 2) + string.Concat(Confusion[row].Select(n => n.ToString().PadLeft(width))));
        return string.Join(Environment.NewLine, lines);
    }

    private int Index(string label)
    {
        for (var i = 0; i < Labels.Count; i++) if (Labels[i] == label) return i;
        throw new ArgumentException($"'{label}' is not one of {string.Join(", ", Labels)}.", nameof(label));
    }
}
