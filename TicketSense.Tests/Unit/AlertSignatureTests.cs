using System.Text;
using TicketSense.Core.Alerts;

namespace TicketSense.Tests.Unit;

/// <summary><c>X-TicketSense-Signature</c>: <c>t=UNIX_SECONDS,v1=HEX</c> over <c>"{t}."</c> and the exact body bytes.</summary>
public sealed class AlertSignatureTests
{
    [Fact]
    public void The_signature_is_the_lowercase_hex_hmac_sha256_of_the_timestamp_a_dot_and_the_body()
    {
        // Computed independently: printf '1767225600.{"event":"triaged"}' | openssl dgst -sha256 -hmac whsec-1
        var body = Encoding.UTF8.GetBytes("""{"event":"triaged"}""");

        var header = AlertSignature.Sign("whsec-1", 1767225600, body);

        Assert.Equal("t=1767225600,v1=13ab4a15132c14c865e845707b81d19a2ab0cc75bbfc9a1865a9ebc2c4d381fc", header);
    }

    [Fact]
    public void Another_secret_timestamp_or_body_gives_another_signature()
    {
        var body = "{}"u8.ToArray();
        var signature = AlertSignature.Sign("a", 1, body);

        Assert.NotEqual(signature, AlertSignature.Sign("b", 1, body));
        Assert.NotEqual(signature[signature.IndexOf(",v1=", StringComparison.Ordinal)..], AlertSignature.Sign("a", 2, body)[4..]);
        Assert.NotEqual(signature, AlertSignature.Sign("a", 1, "{ }"u8.ToArray()));
    }
}
