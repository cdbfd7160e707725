namespace TicketSense.Core.Triage.Redaction;

/// <summary>
/// Replaces the personal identifiers of <see cref="PiiKinds"/> with typed placeholders numbered per ticket
/// (<c>[email-1]</c>, <c>[card-2]</c>), so an LLM, a summary or a cache never carries them while the text keeps its
/// sense. One instance serves one ticket: the same value in its sender, subject and body gets the same placeholder,
/// however it is written. Placeholders are never mapped back, so the values are not kept beyond the instance.
/// </summary>
public sealed class PiiRedactor
{
    private readonly Dictionary<(string Kind, string Value), string> _placeholders = [];
    private readonly Dictionary<string, int> _counts = [];

    /// <summary><paramref name="text"/> with a placeholder for every identifier in it.</summary>
    public string Redact(string text)
    {
        foreach (var kind in PiiKinds.All)
        {
            text = kind.Candidates.Replace(text, match => kind.Identify(match.Value) is { } value ? PlaceholderFor(kind.Name, value) : match.Value);
        }
        return text;
    }

    /// <summary>A single text, numbered on its own (a summary).</summary>
    public static string Mask(string text) => new PiiRedactor().Redact(text);

    private string PlaceholderFor(string kind, string value)
    {
        if (_placeholders.TryGetValue((kind, value), out var placeholder)) return placeholder;
        var number = _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        return _placeholders[(kind, value)] = $"[{kind}-{number}]";
    }
}
