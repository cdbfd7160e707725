using TicketSense.Contracts;

namespace TicketSense.Core.Learning;

/// <summary>
/// A row of <c>triage_models</c>: one trained version of the local model, which every Api and Worker replica loads.
/// <see cref="HistoryMark"/> is the newest <c>ticket_triage_history</c> id its training set had seen, so corrections
/// after it are the new ones; <see cref="Payload"/> is null for old versions whose classifiers were dropped.
/// </summary>
public sealed class StoredModel
{
    /// <summary>Numbered when stored (<see cref="ModelStore.PublishAsync"/>).</summary>
    public int Version { get; set; }
    public required string FeatureKey { get; init; }
    public required DateTimeOffset TrainedAt { get; init; }
    public required int Examples { get; init; }
    public required int Corrections { get; init; }
    public required long HistoryMark { get; init; }
    public required int TrainingMs { get; init; }
    public double? AccuracyPriority { get; set; }
    public double? AccuracyCategory { get; set; }
    public double? AccuracySentiment { get; set; }
    public byte[]? Payload { get; set; }

    public ModelAccuracy? Accuracy =>
        AccuracyPriority is { } priority && AccuracyCategory is { } category && AccuracySentiment is { } sentiment
            ? new ModelAccuracy(priority, category, sentiment)
            : null;

    public ModelResponse ToResponse(ModelStatus status) => new(Version, status, TrainedAt, Examples, Corrections, Accuracy);
}
