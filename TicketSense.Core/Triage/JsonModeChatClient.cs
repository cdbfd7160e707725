using System.Text.Json;
using Microsoft.Extensions.AI;

namespace TicketSense.Core.Triage;

/// <summary>
/// For models that do not accept <c>response_format: json_schema</c>: moves the schema into the system prompt and
/// asks for plain JSON mode instead. The answer is still validated against the schema afterwards.
/// </summary>
public sealed class JsonModeChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (options?.ResponseFormat is not ChatResponseFormatJson { Schema: { } schema })
        {
            return base.GetResponseAsync(messages, options, cancellationToken);
        }

        var instruction = new ChatMessage(ChatRole.System,
            "Answer with a single JSON object that conforms to this JSON schema, and nothing else:\n" + JsonSerializer.Serialize(schema));
        var adapted = options.Clone();
        adapted.ResponseFormat = ChatResponseFormat.Json;
        return base.GetResponseAsync([.. messages, instruction], adapted, cancellationToken);
    }
}
