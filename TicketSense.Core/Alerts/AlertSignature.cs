using System.Security.Cryptography;
using System.Text;

namespace TicketSense.Core.Alerts;

/// <summary>
/// <c>X-TicketSense-Signature: t=UNIX_SECONDS,v1=HEX</c>: HEX is the lowercase hex HMAC-SHA256, keyed by the endpoint's
/// secret, over the bytes <c>"{t}."</c> followed by the exact body bytes sent — as receivers check Stripe's signatures.
/// </summary>
public static class AlertSignature
{
    public const string Header = "X-TicketSense-Signature";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{unixSeconds}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={unixSeconds},v1={Convert.ToHexStringLower(mac)}";
    }
}
