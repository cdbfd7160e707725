using System.Diagnostics;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Tickets;

namespace TicketSense.Core.Triage;

/// <summary>
/// Triages one ticket: the cache unless forced or new → the durable record, re-cached without asking any model → the model
/// pipeline (LLM tiers, then the local model, so a ticket always gets a valid triage) → the answer in the history and the
/// current record in Postgres (fields a human set stay) → the cache → an event on <c>triage:events</c>. A record that
/// only holds a human's labels (awaiting the model) is not an answer: the models are asked.
/// </summary>
public sealed class TriageService(
    TriageRepository records,
    TriageCache cache,
    TriageEvents events,
    TriageModels models,
    CallerIdentity caller,
    TimeProvider time)
{
    public async Task<TriageOutcome> TriageAsync(Ticket ticket, bool force, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(ticket, force, isNew: false);

        if (!force)
        {
            if (await cache.GetAsync(ticket.Id, cancellationToken) is { } cached)
            {
                activity?.SetTag("triage.cache_hit", true);
                return new TriageOutcome(cached, null, FromCache: true);
            }
            if (await records.GetAsync(ticket.Id, cancellationToken) is { AwaitingModel: false } record)
            {
                activity?.SetTag("triage.cache_hit", false);
                activity?.SetTag("triage.source", WireNames.Of(record.Source));
                await cache.SetAsync(ticket.Id, record.ToOutput(), cancellationToken);
                return new TriageOutcome(record.ToOutput(), record.ToMeta(), FromCache: false);
            }
        }

        return await AskAndRecordAsync(ticket, activity, cancellationToken);
    }

    /// <summary>
    /// Triages a ticket just stored: it can have neither a cached triage nor a record yet, so the two lookups of
    /// <see cref="TriageAsync"/>, which would always miss, are skipped.
    /// </summary>
    public async Task<TriageOutcome> TriageNewAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(ticket, force: false, isNew: true);
        return await AskAndRecordAsync(ticket, activity, cancellationToken);
    }

    private static Activity? StartActivity(Ticket ticket, bool force, bool isNew)
    {
        var activity = TriageTelemetry.Source.StartActivity("triage");
        activity?.SetTag("ticket.id", ticket.Id);
        activity?.SetTag("triage.force", force);
        activity?.SetTag("triage.new", isNew);
        return activity;
    }

    /// <summary>
    /// Asks the models, then records the answer in the history and as the current triage (keeping what a human set),
    /// caches the current labels and announces them.
    /// </summary>
    private async Task<TriageOutcome> AskAndRecordAsync(Ticket ticket, Activity? activity, CancellationToken cancellationToken)
    {
        activity?.SetTag("triage.cache_hit", false);
        var started = time.GetTimestamp();
        var answer = await models.AskAsync(ticket, cancellationToken);
        var elapsed = time.GetElapsedTime(started);

        var answered = new TicketTriage
        {
            TicketId = ticket.Id,
            Priority = answer.Output.Priority,
            Category = answer.Output.Category,
            Sentiment = answer.Output.Sentiment,
            Summary = answer.Output.Summary,
            Tags = [.. answer.Output.Tags],
            Model = answer.Model,
            Source = answer.Source,
            PromptVersion = answer.PromptVersion,
            Attempts = answer.Attempts,
            LatencyMs = (int)Math.Min(int.MaxValue, elapsed.TotalMilliseconds),
            TriagedAt = PostgresTime.Round(time.GetUtcNow()),
            ConfidencePriority = answer.Confidence.Priority,
            ConfidenceCategory = answer.Confidence.Category,
            ConfidenceSentiment = answer.Confidence.Sentiment,
        };
        TicketTriage current;
        await using (var write = await records.BeginWriteAsync(ticket.Id, cancellationToken))
        {
            current = write.Current?.WithModelAnswer(answered) ?? answered;
            await write.CommitAsync(current, TriageHistoryRecord.OfModelAnswer(answered, caller.Name), cancellationToken);
        }
        await cache.SetAsync(ticket.Id, current.ToOutput(), cancellationToken);
        await events.PublishTriagedAsync(new TicketWithTriage(ticket, current).ToResponse(), cancellationToken);

        var source = WireNames.Of(answer.Source);
        activity?.SetTag("triage.source", source);
        activity?.SetTag("triage.model", answer.Model);
        activity?.SetTag("triage.attempts", answer.Attempts);
        activity?.SetTag("triage.human_fields", current.HumanFields.Count);
        TriageTelemetry.Triages.Add(1, new KeyValuePair<string, object?>("triage.source", source));
        TriageTelemetry.Latency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("triage.source", source));
        return new TriageOutcome(current.ToOutput(), current.ToMeta(), FromCache: false);
    }
}
