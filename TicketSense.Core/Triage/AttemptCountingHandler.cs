namespace TicketSense.Core.Triage;

/// <summary>Counts each HTTP attempt (retries included) to the model endpoint: for the triage record and the <c>llm.attempts</c> meter.</summary>
public sealed class AttemptCountingHandler(string model) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LlmAttempts.Increment();
        TriageTelemetry.LlmAttempts.Add(1, new KeyValuePair<string, object?>("gen_ai.request.model", model));
        return base.SendAsync(request, cancellationToken);
    }
}
