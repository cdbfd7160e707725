using System.Diagnostics;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Triage;

/// <summary>
/// Triages one ticket: the cache unless forced or new → the durable record, re-cached without asking any model → the model
/// pipeline (LLM tiers, then the local model, so a ticket always gets a valid triage) → the record in Postgres → the
/// cache → an event on <c>triage:events</c>.
/// </summary>
public sealed class TriageService(
    TriageRepository records,
    TriageCache cache,
    TriageEvents events,
    TriageModels models,
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
            if (await records.GetAsync(ticket.Id, cancellationToken) is { } record)
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

    /// <summary>Asks the models, then writes the record, caches the labels and announces the triage.</summary>
    private async Task<TriageOutcome> AskAndRecordAsync(Ticket ticket, Activity? activity, CancellationToken cancellationToken)
    {
        activity?.SetTag("triage.cache_hit", false);
        var started = time.GetTimestamp();
        var answer = await models.AskAsync(ticket, cancellationToken);
        var elapsed = time.GetElapsedTime(started);

        var triage = new TicketTriage
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
            TriagedAt = ToMicroseconds(time.GetUtcNow()),
        };
        await records.UpsertAsync(triage, cancellationToken);
        await cache.SetAsync(ticket.Id, answer.Output, cancellationToken);
        await events.PublishTriagedAsync(new TicketWithTriage(ticket, triage).ToResponse(), cancellationToken);

        var source = WireNames.Of(answer.Source);
        activity?.SetTag("triage.source", source);
        activity?.SetTag("triage.model", answer.Model);
        activity?.SetTag("triage.attempts", answer.Attempts);
        TriageTelemetry.Triages.Add(1, new KeyValuePair<string, object?>("triage.source", source));
        TriageTelemetry.Latency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("triage.source", source));
        return new TriageOutcome(answer.Output, triage.ToMeta(), FromCache: false);
    }

    // Postgres keeps microseconds: round here, so the answer equals what a later read returns.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % 10));
}
