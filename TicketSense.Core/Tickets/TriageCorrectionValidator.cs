using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;

namespace TicketSense.Core.Tickets;

/// <summary>
/// The rules for <c>PATCH /tickets/{id}/triage</c>: labels inside the schema, summary and tags as a model's must be
/// (<see cref="TriageValidator"/>), at least one of the five fields, a reviewer of 1–100 characters after trimming,
/// a note of at most 1,000, no NUL anywhere. Every bad field is reported, each by name.
/// </summary>
public static class TriageCorrectionValidator
{
    public const int MaxReviewerLength = 100;
    public const int MaxNoteLength = 1000;

    public static (TriageCorrection? Correction, Dictionary<string, string[]> Errors) Validate(TriageCorrectionRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["The request body must be a JSON object with the fields to correct and a reviewer."];
            return (null, errors);
        }

        void Fail(string field, string reason) => errors[field] = [.. errors.GetValueOrDefault(field, []), reason];

        var priority = Label<Priority>(TriageFields.Priority, request.Priority, Fail);
        var category = Label<Category>(TriageFields.Category, request.Category, Fail);
        var sentiment = Label<Sentiment>(TriageFields.Sentiment, request.Sentiment, Fail);

        string? summary = null;
        if (request.Summary is not null)
        {
            var reasons = TriageValidator.CheckSummary(request.Summary, out var normalised);
            foreach (var reason in reasons) Fail(TriageFields.Summary, reason);
            summary = normalised;
        }
        List<string>? tags = null;
        if (request.Tags is not null)
        {
            var reasons = TriageValidator.CheckTags(request.Tags, out var normalised);
            foreach (var reason in reasons) Fail(TriageFields.Tags, reason);
            tags = normalised;
        }
        if (request is { Priority: null, Category: null, Sentiment: null, Summary: null, Tags: null })
        {
            Fail("body", $"must correct at least one of {string.Join(", ", TriageFields.All)}.");
        }

        var reviewer = request.Reviewer?.Trim() ?? "";
        if (reviewer.Length == 0) Fail("reviewer", "is required: who makes this correction.");
        else if (reviewer.Length > MaxReviewerLength) Fail("reviewer", $"must be at most {MaxReviewerLength} characters; it has {reviewer.Length}.");

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength }) Fail("note", $"must be at most {MaxNoteLength} characters; it has {note.Length}.");

        foreach (var (field, value) in new[] { ("summary", request.Summary), ("reviewer", request.Reviewer), ("note", request.Note) })
        {
            if (value?.Contains('\0') == true) Fail(field, "must not contain NUL characters.");
        }

        return errors.Count > 0
            ? (null, errors)
            : (new TriageCorrection(priority, category, sentiment, summary, tags, reviewer, note), errors);
    }

    private static TEnum? Label<TEnum>(string field, string? text, Action<string, string> fail) where TEnum : struct, Enum
    {
        if (text is null) return null;
        if (WireNames.TryParse<TEnum>(text, out var value)) return value;
        fail(field, $"must be one of {string.Join(", ", WireNames.All<TEnum>())}.");
        return null;
    }
}
