using System.Globalization;
using System.Text.RegularExpressions;

namespace TicketSense.Core.Data;

/// <summary>
/// An instant as clients write it: ISO 8601 with an explicit offset or <c>Z</c>. A bare local time is refused, since
/// it would be read in this server's zone, silently.
/// </summary>
public static partial class ExplicitInstant
{
    /// <summary>The reason given for a value <see cref="TryParse"/> refuses.</summary>
    public const string Expected = "must be an ISO 8601 date-time with an offset or Z, such as 2026-03-04T09:15:00Z.";

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Pattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
