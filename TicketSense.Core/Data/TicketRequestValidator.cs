using System.Net.Mail;
using System.Text.RegularExpressions;
using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// The rules of shared/DESIGN.md section 4 for a submitted ticket. Every bad field is reported, each with its
/// reason, so a client fixes everything in one round; a valid request becomes a <see cref="Ticket"/> in UTC.
/// One set of rules for every way in (<c>POST /tickets</c> and the seed import), so a stored ticket always obeys them.
/// </summary>
public static partial class TicketRequestValidator
{
    public const int MaxIdLength = 64;
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 20_000;
    public const int MaxSenderLength = 254;

    public static (Ticket? Ticket, Dictionary<string, string[]> Errors) Validate(TicketRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["The request body must be a JSON ticket object."];
            return (null, errors);
        }

        void Fail(string field, string reason) => errors[field] = [.. errors.GetValueOrDefault(field, []), reason];

        foreach (var (field, value) in new[] { ("id", request.Id), ("sender", request.Sender), ("subject", request.Subject), ("body", request.Body), ("received_at", request.ReceivedAt) })
        {
            if (value?.Contains('\0') == true) Fail(field, "must not contain NUL characters.");
        }

        if (string.IsNullOrEmpty(request.Id)) Fail("id", "is required.");
        else if (!IdPattern().IsMatch(request.Id)) Fail("id", $"must be 1–{MaxIdLength} characters of A–Z, a–z, 0–9, '.', '_' or '-', starting with a letter or digit.");

        if (string.IsNullOrWhiteSpace(request.Sender)) Fail("sender", "is required.");
        else if (!IsEmailAddress(request.Sender)) Fail("sender", "must be a plain email address such as name@example.com.");

        if (request.Subject is { Length: > MaxSubjectLength }) Fail("subject", $"must be at most {MaxSubjectLength} characters; it has {request.Subject.Length}.");

        if (request.Body is null) Fail("body", "is required.");
        else if (request.Body.Length > MaxBodyLength) Fail("body", $"must be at most {MaxBodyLength} characters; it has {request.Body.Length}.");
        else if (string.IsNullOrWhiteSpace(request.Body)) Fail("body", "must not be empty or only whitespace.");

        DateTimeOffset receivedAt = default;
        if (string.IsNullOrWhiteSpace(request.ReceivedAt)) Fail("received_at", "is required.");
        else if (!ExplicitInstant.TryParse(request.ReceivedAt, out receivedAt)) Fail("received_at", ExplicitInstant.Expected);

        if (errors.Count > 0) return (null, errors);
        return (new Ticket
        {
            Id = request.Id!,
            Sender = request.Sender!.Trim(),
            Subject = request.Subject ?? "",
            Body = request.Body!,
            ReceivedAt = receivedAt.ToUniversalTime(),
        }, errors);
    }

    private static bool IsEmailAddress(string text) =>
        text.Length <= MaxSenderLength
        && text.IndexOfAny(['\r', '\n']) < 0
        && MailAddress.TryCreate(text.Trim(), out var address)
        && address.Address == text.Trim()
        && address.Host.Contains('.');

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
