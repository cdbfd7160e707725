using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TicketSense.Tests.Infrastructure;

/// <summary>One POST a <see cref="WebhookReceiver"/> got, and the status it answered.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredStatus)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string DeliveryId => Json.GetProperty("delivery_id").GetString()!;

    /// <summary>
    /// Checks <c>X-TicketSense-Signature</c> as a receiver would, written here independently of the sender's code:
    /// <c>t=…,v1=…</c>, v1 the lowercase hex HMAC-SHA256 of <c>"{t}."</c> + the body bytes, keyed by the secret.
    /// </summary>
    public bool SignatureVerifies(string secret, out long timestamp)
    {
        timestamp = 0;
        if (!Headers.TryGetValue("X-TicketSense-Signature", out var header)) return false;
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, out timestamp) || !parts.TryGetValue("v1", out var v1)) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes($"{t}."), .. Body]);
        return v1 == Convert.ToHexStringLower(expected);
    }
}
