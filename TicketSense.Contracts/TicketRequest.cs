namespace TicketSense.Contracts;

/// <summary>
/// A ticket as a client submits it. Every field is nullable text so that validation, not the JSON reader, decides
/// what is wrong and names each bad field; <see cref="ReceivedAt"/> stays text because an ISO 8601 time without an
/// offset must be refused, not silently read as local time.
/// </summary>
public sealed record TicketRequest(
    string? Id,
    string? Sender,
    string? Subject,
    string? Body,
    string? ReceivedAt);
