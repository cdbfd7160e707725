namespace TicketSense.Core.Learning;

/// <summary>
/// A row of <c>triage_model_trainings</c>: a training asked for (by <c>POST /model/retrain</c> or by the count of new
/// corrections), started and finished by a Worker. At most one is unfinished at a time (a unique index): asking again
/// joins it.
/// </summary>
public sealed class ModelTraining
{
    public const string Requested = "requested";
    public const string NewCorrections = "corrections";

    public long Id { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The version it stored, or null when it failed (<see cref="Error"/>).</summary>
    public int? Version { get; set; }

    public string? Error { get; set; }
}
