using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Tests.Infrastructure;

/// <summary>Tickets and triage records for tests, varied by the arguments that matter to each test.</summary>
public static class SampleTickets
{
    public static Ticket Ticket(string id, string subject = "Invoice INV-2041 shows the wrong VAT rate", DateTimeOffset? receivedAt = null) => new()
    {
        Id = id,
        Sender = "dana.okafor@example.com",
        Subject = subject,
        Body = $"Body of {id}: the VAT on INV-2041 is 21% but we are registered in Germany (19%).",
        ReceivedAt = receivedAt ?? new DateTimeOffset(2026, 3, 4, 9, 15, 0, TimeSpan.Zero),
    };

    public static TicketTriage Triage(
        string ticketId,
        Priority priority = Priority.Medium,
        Category category = Category.Billing,
        Sentiment sentiment = Sentiment.Neutral,
        TriageSource source = TriageSource.Local) => new()
    {
        TicketId = ticketId,
        Priority = priority,
        Category = category,
        Sentiment = sentiment,
        Summary = "The customer reports the wrong VAT rate on an invoice.",
        Tags = ["vat-rate", "invoice-correction"],
        Model = "local-mlnet",
        Source = source,
        PromptVersion = "v1",
        Attempts = 1,
        LatencyMs = 12,
        TriagedAt = new DateTimeOffset(2026, 3, 4, 9, 16, 0, TimeSpan.Zero),
    };
}
