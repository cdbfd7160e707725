namespace TicketSense.Core.Triage.Redaction;

/// <summary>
/// The check digits of payment identifiers. A number shaped like a card or an IBAN is redacted only when its check
/// digits hold, so order numbers and references of the same length stay readable for triage.
/// </summary>
public static class CheckDigits
{
    /// <summary>The Luhn (mod 10) check of payment card numbers; <paramref name="digits"/> holds digits only.</summary>
    public static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[^(i + 1)] - '0';
            if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /// <summary>
    /// The ISO 13616 check of an IBAN (<paramref name="iban"/> upper-case letters and digits only): the country and
    /// check digits moved to the end, letters as 10–35, the whole number mod 97 is 1.
    /// </summary>
    public static bool IsIbanValid(string iban)
    {
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            // A letter stands for two digits (A = 10); the remainder is carried a digit or two at a time.
            remainder = char.IsAsciiDigit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder == 1;
    }
}
