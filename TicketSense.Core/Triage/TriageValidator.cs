using System.Text.RegularExpressions;
using TicketSense.Contracts;
using TicketSense.Core.Triage.Redaction;

namespace TicketSense.Core.Triage;

/// <summary>
/// The acceptance check for any model's answer, within <see cref="TriageLimits"/>: labels inside the enums; a summary
/// of one sentence, at most 500 characters; 2–5 lowercase kebab-case tags. Harmless variants are normalised (whitespace, case, <c>#tag</c>,
/// <c>snake_case</c>, duplicates); anything else is refused with its reasons, and a refused answer counts as that
/// model's failure.
/// </summary>
public static partial class TriageValidator
{
    public static TriageValidation Validate(TriageOutput? candidate)
    {
        if (candidate is null) return TriageValidation.Refused(["the answer is empty"]);

        var errors = new List<string>();
        if (!Enum.IsDefined(candidate.Priority)) errors.Add($"priority {(int)candidate.Priority} is not one of {string.Join(", ", WireNames.All<Priority>())}");
        if (!Enum.IsDefined(candidate.Category)) errors.Add($"category {(int)candidate.Category} is not one of {string.Join(", ", WireNames.All<Category>())}");
        if (!Enum.IsDefined(candidate.Sentiment)) errors.Add($"sentiment {(int)candidate.Sentiment} is not one of {string.Join(", ", WireNames.All<Sentiment>())}");

        errors.AddRange(CheckSummary(candidate.Summary, out var summary));
        errors.AddRange(CheckTags(candidate.Tags, out var tags));

        return errors.Count > 0
            ? TriageValidation.Refused(errors)
            : TriageValidation.Accepted(candidate with { Summary = summary, Tags = tags });
    }

    /// <summary>
    /// Normalises a summary (whitespace, and personal identifiers masked as <c>[email-1]</c>: a summary is cached,
    /// listed, kept in the history and exported, so it never carries them, whoever wrote it); the reasons it is
    /// refused, if it is.
    /// </summary>
    public static IReadOnlyList<string> CheckSummary(string? text, out string summary)
    {
        summary = PiiRedactor.Mask(Whitespace().Replace(text ?? "", " ").Trim());
        if (summary.Length == 0) return ["summary is empty"];
        if (summary.Length > TriageLimits.MaxSummaryLength) return [$"summary has {summary.Length} characters; at most {TriageLimits.MaxSummaryLength}"];
        if (SentenceBreak().IsMatch(summary)) return ["summary is more than one sentence"];
        return [];
    }

    /// <summary>
    /// Normalises tags (<see cref="NormaliseTag"/>, duplicates dropped); the reasons they are refused, if they are (a
    /// tag that is personal data among them: unlike a summary, a tag has no sense left once masked).
    /// </summary>
    public static IReadOnlyList<string> CheckTags(IEnumerable<string>? candidates, out List<string> tags)
    {
        var errors = new List<string>();
        tags = [];
        foreach (var raw in candidates ?? [])
        {
            var tag = NormaliseTag(raw);
            if (!KebabCase().IsMatch(tag) || tag.Length > TriageLimits.MaxTagLength) errors.Add($"tag \"{raw}\" is not lowercase kebab-case of at most {TriageLimits.MaxTagLength} characters");
            // "4111-1111-1111-1111" is kebab-case; the reason does not repeat it, as reasons are logged.
            else if (PiiRedactor.Mask(tag) != tag) errors.Add("a tag is a phone, card or IBAN number; tags never carry personal data");
            else if (!tags.Contains(tag)) tags.Add(tag);
        }
        if (tags.Count is < TriageLimits.MinTags or > TriageLimits.MaxTags) errors.Add($"{tags.Count} distinct tags; {TriageLimits.MinTags} to {TriageLimits.MaxTags} are required");
        return errors;
    }

    /// <summary><c>" #Payment_Receipt "</c> → <c>payment-receipt</c>; what is still not kebab-case after this is refused.</summary>
    public static string NormaliseTag(string? tag)
    {
        var text = (tag ?? "").Trim().TrimStart('#').ToLowerInvariant();
        text = Separators().Replace(text, "-");
        return text.Trim('-');
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A sentence end followed by another sentence: ". The", "! And", "? 2 more". Abbreviations like "e.g." are
    // followed by lowercase and pass.
    [GeneratedRegex(@"[.!?][""')\]]?\s+[\p{Lu}\d]")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"[\s_]+|-{2,}")]
    private static partial Regex Separators();
}
