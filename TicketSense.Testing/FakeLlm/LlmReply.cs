using System.Text.Json;
using System.Text.Json.Nodes;
using TicketSense.Contracts;

namespace TicketSense.Testing.FakeLlm;

/// <summary>
/// What <see cref="FakeLlmServer"/> does with one request. The factory methods name the behaviours the triage
/// pipeline must survive; the nested records are what they build, public so a failing test prints something readable.
/// </summary>
public abstract record LlmReply
{
    private LlmReply()
    {
    }

    /// <summary>The triage every model answers when nothing else is scripted: valid under <c>TriageValidator</c>.</summary>
    public static TriageOutput DefaultTriage { get; } = new(
        Priority.High,
        Category.Billing,
        Sentiment.Negative,
        "The customer was charged twice for the May invoice and asks for a refund.",
        ["double-charge", "refund-request"]);

    /// <summary>A 200 whose content is <paramref name="output"/> (default <see cref="DefaultTriage"/>) as TicketSense JSON.</summary>
    public static LlmReply Valid(TriageOutput? output = null) =>
        new Completion(JsonSerializer.Serialize(output ?? DefaultTriage, TicketSenseJson.Options));

    /// <summary>
    /// An OpenAI-style error with status <paramref name="code"/> (400–599), and a <c>Retry-After</c> header in whole
    /// seconds, rounded up so a client never waits less than asked, when <paramref name="retryAfter"/> is given.
    /// </summary>
    public static LlmReply Status(int code, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 599);
        if (retryAfter is { } wait) ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        return new Failure(code, retryAfter);
    }

    /// <summary>
    /// Answers nothing for <paramref name="duration"/>, then drops the connection without a response. A client that
    /// gives up first (attempt timeout, cancellation) ends the hang at once.
    /// </summary>
    public static LlmReply Hang(TimeSpan duration) => new Hanging(duration);

    /// <summary>Waits <paramref name="delay"/> (cut short if the client gives up), then does <paramref name="then"/>.</summary>
    public static LlmReply Delayed(TimeSpan delay, LlmReply then) => new Deferred(delay, then);

    /// <summary>A 200 whose content is prose around broken JSON, as a chatty model writes it.</summary>
    public static LlmReply Malformed() =>
        new Completion("Sure! Here is the triage you asked for: {\"priority\": \"high\", \"category\": \"billing\", \"summ");

    /// <summary>A 200 with well-formed JSON whose priority is outside the enum: <c>"super high"</c>.</summary>
    public static LlmReply OutOfSchema() => WithField("priority", JsonValue.Create("super high"));

    /// <summary>A 200 with well-formed JSON whose tags no normalisation can save: <c>["Not Kebab!", "x"]</c>.</summary>
    public static LlmReply BadTags() => WithField("tags", new JsonArray("Not Kebab!", "x"));

    /// <summary>A 200 whose assistant content is exactly <paramref name="content"/>.</summary>
    public static LlmReply RawContent(string content) => new Completion(content);

    private static Completion WithField(string name, JsonNode value)
    {
        var triage = JsonSerializer.SerializeToNode(DefaultTriage, TicketSenseJson.Options)!.AsObject();
        triage[name] = value;
        return new Completion(triage.ToJsonString());
    }

    /// <summary>A <c>chat.completion</c> whose one choice carries <paramref name="Content"/>.</summary>
    public sealed record Completion(string Content) : LlmReply;

    /// <summary>An error status with an OpenAI error body.</summary>
    public sealed record Failure(int StatusCode, TimeSpan? RetryAfter) : LlmReply;

    /// <summary>No answer for <paramref name="Duration"/>, then a dropped connection.</summary>
    public sealed record Hanging(TimeSpan Duration) : LlmReply;

    /// <summary><paramref name="Then"/>, after <paramref name="Delay"/>.</summary>
    public sealed record Deferred(TimeSpan Delay, LlmReply Then) : LlmReply;
}
