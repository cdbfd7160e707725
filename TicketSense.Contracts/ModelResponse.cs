namespace TicketSense.Contracts;

/// <summary>
/// <c>GET /model</c>: the local model every replica serves. <see cref="Version"/> counts from 1 (the model trained on
/// the seed alone); <see cref="Examples"/> is the number of tickets it learned from, <see cref="Corrections"/> how many
/// of them carry a human's labels; <see cref="Accuracy"/> is null until its cross-validation is done.
/// </summary>
public sealed record ModelResponse(
    int Version,
    ModelStatus Status,
    DateTimeOffset TrainedAt,
    int Examples,
    int Corrections,
    ModelAccuracy? Accuracy);
