using System.Globalization;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Api.Exports;

/// <summary>The columns of <c>GET /exports/tickets.csv</c> and one ticket as a line of them.</summary>
public static class TicketCsv
{
    /// <summary>RFC 4180 ends every line, the last one too, with CRLF whatever the server's platform.</summary>
    public const string LineEnd = "\r\n";

    public const string Header =
        "id,sender,subject,body,received_at,created_at,priority,category,sentiment,summary,tags,source,model," +
        "confidence_priority,confidence_category,confidence_sentiment,reviewer";

    /// <summary>
    /// <paramref name="row"/> as one line without its line end: instants in UTC with Z, tags joined by <c>;</c>,
    /// confidences in the invariant culture (a server in a comma-decimal locale must not break the columns), and
    /// empty cells for the triage of a pending ticket.
    /// </summary>
    public static string Line(TicketWithTriage row)
    {
        var (ticket, triage) = (row.Ticket, row.Triage);
        string[] cells =
        [
            ticket.Id,
            ticket.Sender,
            ticket.Subject,
            ticket.Body,
            Instant(ticket.ReceivedAt),
            Instant(ticket.CreatedAt),
            triage is null ? "" : WireNames.Of(triage.Priority),
            triage is null ? "" : WireNames.Of(triage.Category),
            triage is null ? "" : WireNames.Of(triage.Sentiment),
            triage?.Summary ?? "",
            triage is null ? "" : string.Join(';', triage.Tags),
            triage is null ? "" : WireNames.Of(triage.Source),
            triage?.Model ?? "",
            Confidence(triage?.ConfidencePriority),
            Confidence(triage?.ConfidenceCategory),
            Confidence(triage?.ConfidenceSentiment),
            triage?.Reviewer ?? "",
        ];
        return string.Join(',', cells.Select(CsvField.Escape));
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Confidence(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
