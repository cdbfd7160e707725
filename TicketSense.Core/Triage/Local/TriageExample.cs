using Microsoft.ML;
using Microsoft.ML.Data;

namespace TicketSense.Core.Triage.Local;

/// <summary>One row the local model learns from or predicts on: the readable text, its cue vector and (for training) the label.</summary>
public sealed class TriageExample
{
    public string Text { get; set; } = "";

    public float[] Cues { get; set; } = [];

    public string Label { get; set; } = "";

    /// <summary>How much this example counts in training: 1 for a seed label, more for a team's correction.</summary>
    public float Weight { get; set; } = 1;

    /// <summary>The example for a ticket's <see cref="TicketText.ForModel"/> text, unlabelled.</summary>
    public static TriageExample Of(string text) =>
        new() { Text = text, Cues = [.. TriageCues.Of(text).Select(c => c * LocalTriageTrainer.CueWeight)] };

    /// <summary>The same text and cues under <paramref name="label"/>, so training computes each ticket's cues once.</summary>
    public TriageExample WithLabel(string label, float weight = 1) => new() { Text = Text, Cues = Cues, Label = label, Weight = weight };

    /// <summary>The schema with the cue vector's size, which an attribute cannot state because the lexicon sets it.</summary>
    public static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(TriageExample));
        schema[nameof(Cues)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, TriageCues.Count);
        return schema;
    }
}
