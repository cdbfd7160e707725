using Microsoft.ML.Data;

namespace TicketSense.Core.Triage.Local;

/// <summary>What one dimension's model predicts: the label's wire name.</summary>
public sealed class LabelPrediction
{
    [ColumnName("PredictedLabel")]
    public string Label { get; set; } = "";
}
