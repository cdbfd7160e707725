using Microsoft.ML;
using Microsoft.ML.Data;

namespace TicketSense.Core.Triage.Local;

/// <summary>One row the local model learns from or predicts on: the readable text, its cue vector and (for training) the label.</summary>
public sealed class TriageExample
{
    public string Text { get; set; } = "";

    public float[] Cues { get; set; } = [];

    public string Label { get; set; } = "";

    public static TriageExample Of(string subject, string body, string label = "")
    {
        var text = TicketText.ForModel(subject, body);
        return new TriageExample { Text = text, Cues = [.. TriageCues.Of(text).Select(c => c * LocalTriageTrainer.CueWeight)], Label = label };
    }

    /// <summary>The schema with the cue vector's size, which an attribute cannot state because the lexicon sets it.</summary>
    public static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(TriageExample));
        schema[nameof(Cues)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, TriageCues.Count);
        return schema;
    }
}
