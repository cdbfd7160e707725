using TicketSense.Core.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Triage;

// Placeholder until the local-model branch lands (issue 4).
public sealed class LocalTriageModel
{
    public const string ModelName = "local-mlnet";

    public TriageOutput Predict(Ticket ticket) =>
        new(Priority.Medium, Category.General, Sentiment.Neutral, $"The customer sent a support request of {ticket.Body.Length} characters.", ["support-request", "needs-review"]);
}
