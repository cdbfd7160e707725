using System.Text.RegularExpressions;

namespace TicketSense.Core.Triage.Redaction;

/// <summary>
/// The personal identifiers redacted before a ticket reaches an LLM, in the order they are looked for: an email
/// first (its local part may hold digits), an IBAN before a card (its digits would pass for one), a card before a
/// phone number (four groups of four are phone-shaped too). IPv4 addresses are redacted as well: personal data
/// under GDPR, and never what a ticket's triage turns on. Each pattern finds written forms with single spaces or
/// dashes inside; the check digits (<see cref="CheckDigits"/>) and <see cref="PhoneShape"/> then decide.
/// </summary>
public static partial class PiiKinds
{
    // A pattern is linear in the text, but a ticket is user input: a runaway match throws rather than stalls.
    private const int TimeoutMilliseconds = 1000;

    public static IReadOnlyList<PiiKind> All { get; } =
    [
        new("email", Email(), value => value.ToLowerInvariant()),
        new("iban", Iban(), value => Compact(value) is { Length: >= 15 and <= 34 } iban && CheckDigits.IsIbanValid(iban) ? iban : null),
        new("card", Card(), value => Compact(value) is var digits && CheckDigits.IsLuhnValid(digits) ? digits : null),
        new("ip", IpV4(), value => value),
        new("phone", Phone(), PhoneShape.Digits),
    ];

    private static string Compact(string value) => new([.. value.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex Email();

    // Country, check digits, then groups of four (the printed form) or none, and a short last group.
    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\b", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex Iban();

    // 13–19 digits with single spaces or dashes, not inside a longer run of digit groups, a reference (INV-…) or a
    // phone number (+…): a run that fails its check is left whole, not searched for a shorter run that passes.
    [GeneratedRegex(@"(?<![\w.,+-]|\d[ -])(?<!\+[\d ().-]*)\d(?:[ -]?\d){12,18}(?![\w]|[ .,-]\d)", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex IpV4();

    // International (+44 20 7946 0958, +1 (555) 123-4567), an area code in brackets ((555) 123-4567), three groups of
    // 3-3-4 (555-123-4567), or a trunk 0 and groups (020 7946 0958, 07700 900123). Not after a currency sign, a
    // letter or a dash (INV-2024-0042), nor inside a longer run of digit groups, so amounts and references stay.
    [GeneratedRegex(
        @"(?<![\w.,/:+$€£¥-]|[$€£¥]\s|\d[ .-])(?:"
        + @"\+\d{1,3}(?:[ .-]?(?:\(\d{1,5}\)|\d{1,5})){2,6}"
        + @"|\(\d{2,5}\)[ .-]?\d{3,4}(?:[ .-]\d{2,4}){0,2}"
        + @"|\d{3}([ .-])\d{3}\1\d{4}"
        + @"|0\d{1,4}(?:[ .-]\d{2,8}){1,4}"
        + @")(?![\w]|[.,:/-]?\d)", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex Phone();
}
