namespace TicketSense.Core.Triage.Redaction;

/// <summary>
/// What <see cref="PiiKinds"/>' phone pattern cannot say by shape alone: a phone number has 7–16 digits, and
/// "04-03-2026" is a date even though it starts with a trunk <c>0</c> like "020 7946 0958".
/// </summary>
public static class PhoneShape
{
    public const int MinDigits = 7;

    // E.164 allows 15 digits after the +; a national number keeps one more for its trunk 0 ("+44 (0)20 …").
    public const int MaxDigits = 16;

    /// <summary>The digits of <paramref name="candidate"/> when it is a phone number, else null.</summary>
    public static string? Digits(string candidate)
    {
        var digits = new string([.. candidate.Where(char.IsAsciiDigit)]);
        if (digits.Length is < MinDigits or > MaxDigits) return null;
        return IsDate(candidate.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries)) ? null : digits;
    }

    // 2026-03-04, 04.03.2026: a date's day and month have one or two digits, beside a four-digit year.
    private static bool IsDate(string[] groups) =>
        groups.Length == 3
        && ((groups[0].Length == 4 && groups[1].Length <= 2 && groups[2].Length <= 2)
            || (groups[0].Length <= 2 && groups[1].Length <= 2 && groups[2].Length == 4));
}
