using Microsoft.EntityFrameworkCore;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Core.Learning;

/// <summary>
/// Reads and writes the stored model versions (<c>triage_models</c>), the trainings asked for
/// (<c>triage_model_trainings</c>) and the corrections a training learns from. Only versions trained on this build's
/// features (<see cref="LocalTriageModel.FeatureKey"/>) are ever served.
/// </summary>
public sealed class ModelStore(TicketsDbContext db, TimeProvider time)
{
    /// <summary>How many of the newest versions keep their classifiers; older rows keep only their figures.</summary>
    public const int KeptPayloads = 5;

    /// <summary>An arbitrary, fixed advisory-lock key ("TSModPub"): versions are numbered and stored one at a time.</summary>
    private const long PublishLockKey = 0x54534D6F64507562;

    /// <summary>The newest version this build can serve, without its classifiers, or null when there is none.</summary>
    public Task<StoredModel?> NewestAsync(CancellationToken cancellationToken) =>
        db.Models.AsNoTracking()
            .Where(m => m.FeatureKey == LocalTriageModel.FeatureKey)
            .OrderByDescending(m => m.Version)
            .Select(m => new StoredModel
            {
                Version = m.Version, FeatureKey = m.FeatureKey, TrainedAt = m.TrainedAt, Examples = m.Examples,
                Corrections = m.Corrections, HistoryMark = m.HistoryMark, TrainingMs = m.TrainingMs,
                AccuracyPriority = m.AccuracyPriority, AccuracyCategory = m.AccuracyCategory, AccuracySentiment = m.AccuracySentiment,
            })
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The classifiers of <paramref name="version"/>, or null when they were dropped.</summary>
    public Task<byte[]?> PayloadAsync(int version, CancellationToken cancellationToken) =>
        db.Models.AsNoTracking().Where(m => m.Version == version).Select(m => m.Payload).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Stores <paramref name="model"/> as the next version (numbering it) and drops the classifiers of versions older than the
    /// <see cref="KeptPayloads"/> newest. With <paramref name="unlessOneExists"/> it stores nothing, and returns null,
    /// when a version this build can serve exists already (two processes bootstrapping a fresh database).
    /// </summary>
    public async Task<StoredModel?> PublishAsync(StoredModel model, bool unlessOneExists, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PublishLockKey})", cancellationToken);
        if (unlessOneExists && await NewestAsync(cancellationToken) is not null)
            return null;

        model.Version = (await db.Models.MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1;
        db.Models.Add(model);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(model).State = EntityState.Detached;
        await db.Models.Where(m => m.Version <= model.Version - KeptPayloads && m.Payload != null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Payload, (byte[]?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return model;
    }

    public Task SetAccuracyAsync(int version, ModelAccuracy accuracy, CancellationToken cancellationToken) =>
        db.Models.Where(m => m.Version == version).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.AccuracyPriority, accuracy.Priority)
            .SetProperty(m => m.AccuracyCategory, accuracy.Category)
            .SetProperty(m => m.AccuracySentiment, accuracy.Sentiment), cancellationToken);

    /// <summary>The training asked for and not yet finished, if any.</summary>
    public Task<ModelTraining?> UnfinishedTrainingAsync(CancellationToken cancellationToken) =>
        db.ModelTrainings.AsNoTracking().Where(t => t.FinishedAt == null).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Asks for a training, or joins the one already asked for: never two unfinished at once.</summary>
    public async Task<ModelTraining> RequestTrainingAsync(string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO triage_model_trainings (reason, requested_at) VALUES ({reason}, {now})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        // A Worker may finish it between the two statements: then it is a training that just ran, and asking again.
        return await UnfinishedTrainingAsync(cancellationToken) ?? await RequestTrainingAsync(reason, cancellationToken);
    }

    public Task StartAsync(long trainingId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.ModelTrainings.Where(t => t.Id == trainingId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.StartedAt, now), cancellationToken);
    }

    /// <summary>Ends a training with the version it stored, or with why it failed.</summary>
    public Task FinishAsync(long trainingId, int? version, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.ModelTrainings.Where(t => t.Id == trainingId).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.FinishedAt, now)
            .SetProperty(t => t.Version, version)
            .SetProperty(t => t.Error, error), cancellationToken);
    }

    /// <summary>How many corrections were made after history entry <paramref name="historyMark"/>.</summary>
    public Task<int> CorrectionsSinceAsync(long historyMark, CancellationToken cancellationToken) =>
        db.TriageHistory.CountAsync(h => h.Source == TriageSource.Human && h.Id > historyMark, cancellationToken);

    /// <summary>
    /// Every ticket a human labelled, with the labels a human set (the others null), weighing
    /// <see cref="TrainingSet.CorrectionWeight"/>; and the newest history id they reflect.
    /// </summary>
    public async Task<(IReadOnlyList<TrainingTicket> Corrections, long HistoryMark)> CorrectionsAsync(CancellationToken cancellationToken)
    {
        // Read first: a correction committed while the rest is read is counted as new, and trains next time again.
        var mark = await db.TriageHistory.MaxAsync(h => (long?)h.Id, cancellationToken) ?? 0;
        var corrected = await db.TicketTriages.AsNoTracking()
            .Where(t => t.HumanFields.Count > 0)
            .Join(db.Tickets.AsNoTracking(), t => t.TicketId, k => k.Id, (t, k) => new { Ticket = k, Triage = t })
            .ToListAsync(cancellationToken);
        var corrections = corrected
            .Select(c => new TrainingTicket(c.Ticket,
                c.Triage.IsHuman(TriageFields.Priority) ? c.Triage.Priority : null,
                c.Triage.IsHuman(TriageFields.Category) ? c.Triage.Category : null,
                c.Triage.IsHuman(TriageFields.Sentiment) ? c.Triage.Sentiment : null,
                TrainingSet.CorrectionWeight))
            .Where(t => t.Priority is not null || t.Category is not null || t.Sentiment is not null)
            .ToList();
        return (corrections, mark);
    }
}
