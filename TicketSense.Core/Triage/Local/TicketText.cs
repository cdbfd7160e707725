using System.Text.RegularExpressions;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// The part of an email that speaks: the newest message of a forwarded or quoted chain, without quoted lines, legal
/// disclaimers or the signature block — what a support lead reads first, and what the local model learns from.
/// </summary>
public static partial class TicketText
{
    /// <summary>The newest message, when a chain follows it; else the whole body.</summary>
    public static string NewestMessage(string body)
    {
        var text = Plain(body);
        var header = ChainHeader().Match(text);
        // A forward with nothing written above it ("Fwd: …" sent as is): the forwarded message is the content.
        if (header.Success && text[..header.Index].Trim().Length >= 20) text = text[..header.Index];
        return text;
    }

    /// <summary>The body as plain text: HTML tags dropped and entities decoded, line ends normalised.</summary>
    public static string Plain(string body)
    {
        var text = body.Replace("\r\n", "\n").Replace('\r', '\n');
        if (HtmlTag().IsMatch(text))
            text = System.Net.WebUtility.HtmlDecode(HtmlTag().Replace(HtmlBreak().Replace(text, "\n"), " "));
        return text;
    }

    /// <summary>The lines that carry the request: quoted lines, disclaimers and signature blocks removed.</summary>
    public static IReadOnlyList<string> ContentLines(string body)
    {
        var lines = new List<string>();
        foreach (var raw in NewestMessage(body).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('>')) continue;
            if (SignOff().IsMatch(line)) break;
            if (Disclaimer().IsMatch(line)) break;
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>Subject and the content lines, as one string: what the classifiers, cues and tags read.</summary>
    public static string ForModel(string subject, IReadOnlyList<string> contentLines) =>
        $"{subject}\n{string.Join('\n', contentLines)}";

    [GeneratedRegex(@"</?[a-zA-Z][^<>]{0,200}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"<(br|/p|/div|/li|/tr|/h\d)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBreak();

    // "---------- Forwarded message ---------", "-----Original Message-----", "On Tue, 3 Mar 2026, X wrote:",
    // an Outlook "From: … Sent: …" block.
    [GeneratedRegex(@"^(-{3,}\s*(Forwarded message|Original Message|Weitergeleitete Nachricht|Mensaje reenviado)\s*-{3,}|On .{5,120} wrote:|From:\s.+\n(Sent|Date):\s)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ChainHeader();

    // A line that is only a sign-off ("Best regards,", "Thanks,", "Cheers", "-- ") starts the signature block.
    [GeneratedRegex(@"^(--\s*|(best|kind|warm|many)?\s*(regards|wishes|thanks|thank you|cheers|sincerely|yours( truly| sincerely)?|best|mit freundlichen grüßen|saludos|cordialement|atentamente|merci)[,.!]?)$", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();

    [GeneratedRegex(@"^(CONFIDENTIALITY|DISCLAIMER|This (e-?mail|message)( and any attachments)? (is|are|may be) (confidential|intended))", RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();
}
