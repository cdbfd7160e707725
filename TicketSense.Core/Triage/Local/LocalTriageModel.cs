using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// The embedded local triage model: one ML.NET classifier per dimension (priority, category, sentiment), an
/// extractive one-sentence summary and keyword tags. It needs no network and no key; it serves in <c>local</c> mode and
/// as the last tier behind the LLMs. Safe under concurrent calls (ML.NET prediction engines are not, so each dimension's
/// engine is used under its own lock).
/// </summary>
public sealed class LocalTriageModel
{
    public const string ModelName = "local-mlnet";

    /// <summary>Raise it when what the classifiers read changes in a way <see cref="TriageCues.Signature"/> does not show (the text, the featurizer).</summary>
    private const int FeatureFormat = 1;

    private static readonly string[] Dimensions = ["priority", "category", "sentiment"];

    private readonly MLContext ml;
    private readonly ITransformer[] models;
    private readonly PredictionEngine<TriageExample, LabelPrediction>[] engines;

    // Per dimension, the label of each slot of the probability vector.
    private readonly string[][] slotLabels;

    private LocalTriageModel(MLContext ml, ITransformer[] models, int? version = null)
    {
        this.ml = ml;
        this.models = models;
        Version = version;
        engines = models.Select(m => ml.Model.CreatePredictionEngine<TriageExample, LabelPrediction>(m, inputSchemaDefinition: TriageExample.Schema())).ToArray();
        slotLabels = engines.Select(SlotLabels).ToArray();
    }

    /// <summary>The stored version this model is (1 = trained on the seed alone), or null for one that was never stored.</summary>
    public int? Version { get; }

    /// <summary>The <c>model</c> of its answers: <c>local-mlnet-v3</c> for stored version 3, else <c>local-mlnet</c>.</summary>
    public string Name => Version is { } version ? $"{ModelName}-v{version}" : ModelName;

    /// <summary>
    /// What a stored model must match to be served by this build: a hash of the cue lexicon and the feature format.
    /// Models trained on other features are kept but never loaded.
    /// </summary>
    public static string FeatureKey { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes($"{FeatureFormat}\n{LocalTriageTrainer.CueWeight}\n{TriageCues.Signature}")))[..16];

    /// <summary>The same classifiers as stored version <paramref name="version"/>.</summary>
    public LocalTriageModel AsVersion(int version) => new(ml, models, version);

    /// <summary>Trains on labelled tickets; the same tickets always give the same model.</summary>
    public static LocalTriageModel Train(IReadOnlyList<(Ticket Ticket, GoldLabel Gold)> labelled) =>
        Train([.. labelled.Select(TrainingTicket.Of)]);

    /// <summary>
    /// Trains each dimension on the tickets that state its label, each weighing <see cref="TrainingTicket.Weight"/>
    /// (a team's corrections can outweigh the seed's labels); the same tickets always give the same model.
    /// </summary>
    public static LocalTriageModel Train(IReadOnlyList<TrainingTicket> tickets)
    {
        var ml = new MLContext(seed: 1);
        // Each ticket's text and cues are computed once, whatever number of dimensions it teaches.
        var examples = tickets.Select(t => (Example: ExampleOf(t.Ticket), Ticket: t)).ToList();
        var models = Dimensions.Select((_, dimension) => LocalTriageTrainer.Train(ml,
            [.. examples.Where(e => e.Ticket.LabelFor(dimension) is not null).Select(e => e.Example.WithLabel(e.Ticket.LabelFor(dimension)!, e.Ticket.Weight))])).ToArray();
        return new LocalTriageModel(ml, models);
    }

    /// <summary>
    /// The model's triage of <paramref name="ticket"/>, checked like any model's answer. The local model is the last
    /// tier, so an answer it cannot give is a bug, not a fallback: it throws.
    /// </summary>
    public TriageModelAnswer Answer(Ticket ticket)
    {
        var (output, confidence) = Assess(ticket);
        var validation = TriageValidator.Validate(output);
        return validation.Output is { } valid
            ? new TriageModelAnswer(valid, TriageSource.Local, Name, Attempts: 0, PromptVersion: ModelName, confidence)
            : throw new InvalidOperationException($"The local model's triage of {ticket.Id} is invalid: {string.Join("; ", validation.Errors)}");
    }

    public TriageOutput Predict(Ticket ticket) => Assess(ticket).Output;

    /// <summary>
    /// The triage and its confidence: each label's probability under its classifier. Where a labelling rule moved a
    /// label away from the classifier's choice, the rule's label is as likely as the classifier's choice is wrong:
    /// 1 − the probability of that choice.
    /// </summary>
    public (TriageOutput Output, TriageConfidence Confidence) Assess(Ticket ticket)
    {
        // The body is read once: the classifiers, the summary and the tags all work from its content lines.
        var lines = TicketText.ContentLines(ticket.Body);
        var text = TicketText.ForModel(ticket.Subject, lines);
        var example = TriageExample.Of(text);
        var predictions = Classify(example);
        var category = WireNames.Parse<Category>(predictions[1].Label);
        var output = new TriageOutput(
            PriorityEvidence.Of(example.Cues).Decide(WireNames.Parse<Priority>(predictions[0].Label)),
            category,
            SentimentEvidence.Of(text, example.Cues).Decide(WireNames.Parse<Sentiment>(predictions[2].Label)),
            ExtractiveSummary.Of(ticket.Subject, lines),
            KeywordTags.Of(text, category));
        return (output, new TriageConfidence(
            RuledProbability(predictions, 0, WireNames.Of(output.Priority)),
            RuledProbability(predictions, 1, WireNames.Of(output.Category)),
            RuledProbability(predictions, 2, WireNames.Of(output.Sentiment))));
    }

    private double RuledProbability(LabelPrediction[] predictions, int dimension, string label) =>
        predictions[dimension].Label == label
            ? Probability(predictions, dimension, label)
            : Math.Round(1 - Probability(predictions, dimension, predictions[dimension].Label), 4);

    /// <summary>
    /// How likely this model finds <paramref name="labels"/> for <paramref name="ticket"/>: each label's probability
    /// under its classifier (a second opinion on another model's answer).
    /// </summary>
    public TriageConfidence Agreement(Ticket ticket, TriageOutput labels) =>
        ConfidenceOf(Classify(ExampleOf(ticket)), labels);

    /// <summary>What the classifiers read of a ticket: its subject and the content lines of its newest message, with their cues.</summary>
    private static TriageExample ExampleOf(Ticket ticket) => TriageExample.Of(TicketText.ForModel(ticket.Subject, TicketText.ContentLines(ticket.Body)));

    private LabelPrediction[] Classify(TriageExample example)
    {
        var predictions = new LabelPrediction[engines.Length];
        for (var i = 0; i < engines.Length; i++)
        {
            lock (engines[i]) predictions[i] = engines[i].Predict(example);
        }
        return predictions;
    }

    private TriageConfidence ConfidenceOf(LabelPrediction[] predictions, TriageOutput labels) => new(
        Probability(predictions, 0, WireNames.Of(labels.Priority)),
        Probability(predictions, 1, WireNames.Of(labels.Category)),
        Probability(predictions, 2, WireNames.Of(labels.Sentiment)));

    // A label the classifier never saw in training (possible only for a tiny training set) has probability 0.
    private double Probability(LabelPrediction[] predictions, int dimension, string label) =>
        Array.IndexOf(slotLabels[dimension], label) is var slot and >= 0 ? Math.Round(predictions[dimension].Probabilities[slot], 4) : 0;

    private static string[] SlotLabels(PredictionEngine<TriageExample, LabelPrediction> engine)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        return [.. names.DenseValues().Select(name => name.ToString())];
    }

    /// <summary>The three classifiers as one archive (an entry per dimension), as <c>triage_models.payload</c> and the disk cache keep them.</summary>
    public byte[] ToBytes()
    {
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<TriageExample>(), TriageExample.Schema()).Schema;
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < models.Length; i++)
            {
                // Each classifier is a zip already: stored, not compressed again.
                using var entry = archive.CreateEntry(Dimensions[i], CompressionLevel.NoCompression).Open();
                ml.Model.Save(models[i], schema, entry);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The model <see cref="ToBytes"/> wrote, as stored version <paramref name="version"/> when it has one.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a model.</exception>
    public static LocalTriageModel FromBytes(byte[] payload, int? version = null)
    {
        var ml = new MLContext(seed: 1);
        try
        {
            using var archive = new ZipArchive(new MemoryStream(payload), ZipArchiveMode.Read);
            var models = Dimensions.Select(d =>
            {
                var entry = archive.GetEntry(d) ?? throw new InvalidDataException($"The model has no {d} classifier.");
                // ML.NET needs a seekable stream.
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                copy.Position = 0;
                return ml.Model.Load(copy, out _);
            }).ToArray();
            return new LocalTriageModel(ml, models, version);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The model cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the model to <c>{folder}/{key}.model</c> through a temp file renamed into place.</summary>
    public void Save(string folder, string key)
    {
        Directory.CreateDirectory(folder);
        var path = FileOf(folder, key);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, ToBytes());
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The model saved under <paramref name="key"/>, or null when its file is missing or unreadable.</summary>
    public static LocalTriageModel? TryLoad(string folder, string key)
    {
        var path = FileOf(folder, key);
        if (!File.Exists(path)) return null;
        try
        {
            return FromBytes(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string FileOf(string folder, string key) => Path.Combine(folder, $"{key}.model");
}
