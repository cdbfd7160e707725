using System.ClientModel;

namespace TicketSense.Core.Triage;

/// <summary>
/// Why a model tier failed, in words fit for a log: an HTTP error is its status alone, because the OpenAI SDK's message
/// carries the provider's whole error body, and some providers put the failed generation (written from the customer's
/// ticket) in it. Every other failure (a timeout, an open circuit, a refused answer) says what it is in its own message.
/// </summary>
public static class ModelFailureReason
{
    public static string Of(Exception failure) => failure switch
    {
        ClientResultException { Status: > 0 } http => $"the model endpoint answered HTTP {http.Status} ({http.GetType().Name})",
        ClientResultException unreachable => $"the model endpoint could not be reached ({unreachable.InnerException?.GetType().Name ?? unreachable.GetType().Name})",
        _ => failure.Message,
    };
}
