using System.Text;

namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// A strict RFC 4180 reader for the tests: independent of the code under test, and failing on anything the RFC does
/// not allow (a bare LF line end, a quote inside an unquoted field, text after a closing quote).
/// </summary>
public static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("A quoted field is not closed.");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"') throw new FormatException($"A quote inside an unquoted field at {i}.");
                    field.Append(text[i++]);
                }
            }

            record.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',') { i++; continue; }
            if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n') { i += 2; records.Add(record); record = []; continue; }
            throw new FormatException($"Expected a comma or CRLF at {i}.");
        }

        if (record.Count > 0) throw new FormatException("The last line has no CRLF.");
        return records;
    }
}
