namespace TicketSense.Api.Exports;

/// <summary>One cell of an RFC 4180 file, made safe to open in a spreadsheet.</summary>
public static class CsvField
{
    /// <summary>First characters a spreadsheet reads as the start of a formula (OWASP's CSV injection list).</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>
    /// <paramref name="value"/> as a CSV field. Ticket text is written by customers, so a cell that a spreadsheet would
    /// run as a formula gets a leading <c>'</c> first (shown as text, never evaluated); then a field holding a comma,
    /// quote, CR or LF is quoted with its quotes doubled, as RFC 4180 says.
    /// </summary>
    public static string Escape(string value)
    {
        var safe = value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
        return safe.IndexOfAny(NeedsQuotes) >= 0 ? $"\"{safe.Replace("\"", "\"\"")}\"" : safe;
    }
}
