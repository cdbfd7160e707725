using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Tickets;

/// <summary>
/// A reviewer's correction of a ticket's triage: the fields it names become human (confidence 1) and stay so until
/// another correction; the rest stay as the model gave them. The history entry and the current triage are written in
/// one transaction, then cached and announced like any triage. A pending ticket takes a correction only when it names
/// all three labels; the backlog still gives it a model's summary and tags, around the human labels.
/// </summary>
public sealed class TriageCorrections(
    TriageRepository records,
    TriageCache cache,
    TriageEvents events,
    CallerIdentity caller,
    TimeProvider time)
{
    public async Task<CorrectionOutcome> CorrectAsync(string ticketId, TriageCorrectionRequest? request, CancellationToken cancellationToken)
    {
        var (correction, errors) = TriageCorrectionValidator.Validate(request);
        if (correction is null) return new CorrectionOutcome.Invalid(errors);

        var at = PostgresTime.Round(time.GetUtcNow());
        Ticket ticket;
        TicketTriage corrected;
        await using (var write = await records.BeginWriteAsync(ticketId, cancellationToken))
        {
            if (write.Ticket is null) return new CorrectionOutcome.NoSuchTicket(ticketId);
            ticket = write.Ticket;
            if (write.Current is null && !correction.NamesAllLabels) return new CorrectionOutcome.LabelsRequired(ticketId);

            corrected = write.Current?.WithCorrection(correction, at) ?? TicketTriage.FromCorrection(ticketId, correction, at);
            await write.CommitAsync(corrected, TriageHistoryRecord.OfCorrection(corrected, correction.Note, caller.Name), cancellationToken);
        }

        // A triage awaiting the model has no summary or tags yet: the cache holds complete triages only, so the
        // backlog's read-through does not take it for one.
        if (!corrected.AwaitingModel) await cache.SetAsync(ticketId, corrected.ToOutput(), cancellationToken);
        var response = new TicketWithTriage(ticket, corrected).ToResponse();
        await events.PublishTriagedAsync(response, cancellationToken);
        return new CorrectionOutcome.Corrected(response);
    }
}
