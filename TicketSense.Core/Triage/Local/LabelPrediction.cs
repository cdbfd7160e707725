using Microsoft.ML.Data;

namespace TicketSense.Core.Triage.Local;

/// <summary>What one dimension's model predicts: the label's wire name and every label's probability.</summary>
public sealed class LabelPrediction
{
    [ColumnName("PredictedLabel")]
    public string Label { get; set; } = "";

    /// <summary>The probability of each label, in the order of the model's label slots (<see cref="LocalTriageModel"/> reads their names).</summary>
    [ColumnName("Score")]
    public float[] Probabilities { get; set; } = [];
}
