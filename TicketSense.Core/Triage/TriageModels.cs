using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSense.Core.Data;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Core.Triage;

/// <summary>
/// Asks the models for a ticket's triage, without touching storage: the LLM pipeline (primary, then fallback) when
/// one is registered (<c>llm</c> mode), and the local model when every LLM tier failed or there is none — so the
/// answer is always a valid triage, with its confidence (<see cref="SecondOpinion"/> for an LLM's). <see cref="TriageService"/> stores what this returns; the <c>eval</c> command
/// scores it.
/// </summary>
public sealed class TriageModels(
    LocalTriageModelProvider localModel,
    IOptions<TriageOptions> options,
    ILogger<TriageModels> logger,
    [FromKeyedServices(TriageChatPipeline.ServiceKey)] IChatClient? llm = null)
{
    public async Task<TriageModelAnswer> AskAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var attempts = 0;
        if (llm is not null)
        {
            var counter = LlmAttempts.Begin();
            try
            {
                var response = await llm.GetResponseAsync(
                    TriagePrompt.For(ticket, options.Value.RedactPii),
                    new ChatOptions { ResponseFormat = TriageSchema.ResponseFormat, Temperature = 0 },
                    cancellationToken);
                // The fallback decorator accepted this answer with the same check: it is valid.
                var output = TriageAnswer.Read(response.Text).Output!;
                var secondOpinion = (await localModel.GetAsync(cancellationToken)).Agreement(ticket, output);
                return new TriageModelAnswer(output, ModelFallbackChatClient.SourceOf(response), response.ModelId ?? "unknown", counter.Value, TriagePrompt.Version,
                    SecondOpinion.Of(secondOpinion));
            }
            catch (ModelFallbackException ex)
            {
                attempts = counter.Value;
                logger.LogWarning("Every LLM tier failed for ticket {TicketId} after {Attempts} HTTP attempts; the local model answers. {Reason}",
                    ticket.Id, attempts, ex.Message);
            }
        }

        // The last tier, and the one seam between the pipeline and the local model's internals.
        var model = await localModel.GetAsync(cancellationToken);
        return model.Answer(ticket) with { Attempts = attempts };
    }
}
