using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>
/// Asks each model tier in turn (primary, then fallback) and returns the first answer that passes
/// <paramref name="rejectReason"/> (null = accepted). A tier is skipped when it throws — after its own retries, on a
/// timeout or an open circuit — or when its answer is refused; only the caller's own cancellation stops the walk.
/// The answering tier is recorded on the response (<see cref="SourceKey"/>), and <see cref="ModelFallbackException"/>
/// says what each tier did when none answered.
/// </summary>
public sealed class ModelFallbackChatClient(
    IReadOnlyList<ModelTier> tiers,
    Func<ChatResponse, string?> rejectReason,
    ILogger<ModelFallbackChatClient> logger) : IChatClient
{
    /// <summary>The key in <see cref="ChatResponse.AdditionalProperties"/> holding the answering tier's <see cref="TriageSource"/>.</summary>
    public const string SourceKey = "ticketsense.source";

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var conversation = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var failures = new List<Exception>(tiers.Count);
        foreach (var tier in tiers)
        {
            try
            {
                var response = await tier.Client.GetResponseAsync(conversation, options?.Clone(), cancellationToken);
                if (rejectReason(response) is { } reason)
                {
                    throw new RefusedAnswerException(tier.Model, reason);
                }
                response.ModelId ??= tier.Model;
                (response.AdditionalProperties ??= [])[SourceKey] = tier.Source;
                return response;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Model tier {Tier} ({Model}) failed: {Reason}", WireNames.Of(tier.Source), tier.Model, ModelFailureReason.Of(ex));
                failures.Add(ex);
            }
        }
        throw new ModelFallbackException(failures);
    }

    /// <summary>The tier that answered <paramref name="response"/>.</summary>
    public static TriageSource SourceOf(ChatResponse response) =>
        response.AdditionalProperties?.TryGetValue(SourceKey, out var value) == true && value is TriageSource source
            ? source
            : throw new InvalidOperationException("The response did not come through ModelFallbackChatClient.");

    // A triage is one JSON object: streaming it would only hand out half-valid fragments.
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        foreach (var tier in tiers) tier.Client.Dispose();
    }
}
