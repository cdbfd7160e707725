using System.Buffers;
using System.Text.Json;

namespace TicketSense.Testing.FakeLlm;

/// <summary>
/// The OpenAI chat-completions wire format, both ways: reading a request body, writing a <c>chat.completion</c>
/// object and writing the <c>{"error": {...}}</c> body every OpenAI error carries.
/// </summary>
internal static class OpenAiWire
{
    public const string ContentType = "application/json";

    /// <summary>The parts of a request the double acts on, or why it is refused (OpenAI answers such requests 400).</summary>
    public sealed record ChatRequest(string Model, JsonElement? ResponseFormat, IReadOnlyList<RecordedMessage> Messages, JsonElement Body);

    public static bool TryReadRequest(JsonElement body, out ChatRequest request, out string error)
    {
        request = null!;
        if (body.ValueKind != JsonValueKind.Object) return Refuse("The request body must be a JSON object.", out error);
        if (!body.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String || model.GetString() is not { Length: > 0 } name)
            return Refuse("you must provide a model parameter", out error);
        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            return Refuse("'messages' must be a non-empty array.", out error);
        if (body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
            return Refuse("This double does not stream: send stream=false (GetResponseAsync, not GetStreamingResponseAsync).", out error);

        JsonElement? format = body.TryGetProperty("response_format", out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
        request = new ChatRequest(name, format, messages.EnumerateArray().Select(ReadMessage).ToArray(), body);
        error = "";
        return true;
    }

    public static byte[] Completion(string id, string model, DateTimeOffset created, string content, IReadOnlyList<RecordedMessage> prompt) =>
        Write(json =>
        {
            json.WriteString("id", id);
            json.WriteString("object", "chat.completion");
            json.WriteNumber("created", created.ToUnixTimeSeconds());
            json.WriteString("model", model);
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteString("content", content);
            json.WriteNull("refusal");
            json.WriteEndObject();
            json.WriteNull("logprobs");
            json.WriteString("finish_reason", "stop");
            json.WriteEndObject();
            json.WriteEndArray();

            // Rough token counts (4 characters a token): enough for usage telemetry to have numbers to show.
            var promptTokens = Math.Max(1, prompt.Sum(m => m.Text.Length) / 4);
            var completionTokens = Math.Max(1, content.Length / 4);
            json.WriteStartObject("usage");
            json.WriteNumber("prompt_tokens", promptTokens);
            json.WriteNumber("completion_tokens", completionTokens);
            json.WriteNumber("total_tokens", promptTokens + completionTokens);
            json.WriteEndObject();
            json.WriteString("system_fingerprint", "fp_fakellm");
        });

    /// <summary>The error body for <paramref name="status"/>, with the type and code OpenAI uses for it.</summary>
    public static byte[] Error(int status)
    {
        var (type, code, message) = Describe(status);
        return Error(type, code, message);
    }

    /// <summary>The body of a 400 (or a 404 for an unknown URL): <c>invalid_request_error</c> without a code.</summary>
    public static byte[] InvalidRequest(string message) => Error("invalid_request_error", null, message);

    private static byte[] Error(string type, string? code, string message) => Write(json =>
    {
        json.WriteStartObject("error");
        json.WriteString("message", message);
        json.WriteString("type", type);
        json.WriteNull("param");
        if (code is null) json.WriteNull("code");
        else json.WriteString("code", code);
        json.WriteEndObject();
    });

    private static (string Type, string? Code, string Message) Describe(int status) => status switch
    {
        401 => ("invalid_request_error", "invalid_api_key", "Incorrect API key provided."),
        404 => ("invalid_request_error", "model_not_found", "The model does not exist or you do not have access to it."),
        408 => ("invalid_request_error", "timeout", "Request timed out."),
        429 => ("requests", "rate_limit_exceeded", "Rate limit reached for requests. Please try again later."),
        500 => ("server_error", null, "The server had an error while processing your request. Sorry about that!"),
        503 => ("server_error", "server_is_overloaded", "The server is overloaded. Please try again later."),
        >= 500 => ("server_error", null, $"The server answered {status}."),
        _ => ("invalid_request_error", null, $"The request was refused with {status}."),
    };

    private static RecordedMessage ReadMessage(JsonElement message)
    {
        var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
        if (!message.TryGetProperty("content", out var content)) return new RecordedMessage(role, "");
        var text = content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            // Content parts: [{"type":"text","text":"…"}, {"type":"image_url",…}]; only the text matters here.
            JsonValueKind.Array => string.Join('\n', content.EnumerateArray()
                .Where(part => part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                .Select(part => part.GetProperty("text").GetString())),
            _ => "",
        };
        return new RecordedMessage(role, text);
    }

    private static bool Refuse(string message, out string error)
    {
        error = message;
        return false;
    }

    private static byte[] Write(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            properties(json);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
