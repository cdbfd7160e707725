using System.Text.Json;

namespace TicketSense.Testing.FakeLlm;

/// <summary>
/// One <c>POST /v1/chat/completions</c> as the double received it. <see cref="ArrivedAt"/> is measured on the
/// server's monotonic clock from its start, so gaps between retries are differences of two records. Whether an
/// <c>Authorization</c> header came is kept; its value never is.
/// </summary>
public sealed record RecordedRequest(
    string Model,
    TimeSpan ArrivedAt,
    JsonElement? ResponseFormat,
    IReadOnlyList<RecordedMessage> Messages,
    bool HadAuthorization,
    JsonElement Body)
{
    /// <summary><c>response_format.type</c>: <c>json_schema</c>, <c>json_object</c>, <c>text</c>, or null when absent.</summary>
    public string? ResponseFormatType =>
        ResponseFormat is { ValueKind: JsonValueKind.Object } format && format.TryGetProperty("type", out var type) ? type.GetString() : null;

    /// <summary>Every message's text, one per line, for <c>Assert.Contains</c>.</summary>
    public string Text => string.Join('\n', Messages.Select(m => m.Text));
}
