using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>The <c>Triage</c> configuration section (shared/DESIGN.md section 9), validated at start.</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    public TriageMode Mode { get; set; } = TriageMode.Auto;

    public string Endpoint { get; set; } = "https://api.groq.com/openai/v1";

    /// <summary>The provider key: from user-secrets or <c>Triage__ApiKey</c>. Never logged, traced or shown.</summary>
    public string? ApiKey { get; set; }

    public string PrimaryModel { get; set; } = "meta-llama/llama-4-scout-17b-16e-instruct";

    public string FallbackModel { get; set; } = "llama-3.1-8b-instant";

    /// <summary>True: <c>response_format</c> json_schema. False: the schema goes in the prompt, with JSON mode.</summary>
    public bool PrimaryUseJsonSchema { get; set; } = true;

    /// <summary>Groq serves json_schema only for some models; llama-3.1-8b-instant takes JSON mode.</summary>
    public bool FallbackUseJsonSchema { get; set; }

    public TriageRetryOptions Retry { get; set; } = new();

    public TriageTimeoutOptions Timeouts { get; set; } = new();

    /// <summary>
    /// A triage whose least sure label is under this confidence, and that no human has corrected, needs review
    /// (<c>GET /tickets?needs_review=true</c>, the overview's <c>needs_review</c>). 0.4 flags about a fifth of the
    /// holdout set's tickets with the local model (<c>eval</c> prints the value for any set).
    /// </summary>
    public double ReviewThreshold { get; set; } = 0.4;

    /// <summary>
    /// True: email addresses, phone numbers, card numbers, IBANs and IP addresses in a ticket are replaced by
    /// placeholders (<c>[email-1]</c>) before it goes into an LLM prompt, so they never leave for a third party.
    /// The stored ticket keeps them; the local model reads them in-process.
    /// </summary>
    public bool RedactPii { get; set; } = true;

    /// <summary>Everything but the key, so an accidental log line can never leak it.</summary>
    public override string ToString() =>
        $"Mode={Mode}, Endpoint={Endpoint}, PrimaryModel={PrimaryModel}, FallbackModel={FallbackModel}, RedactPii={RedactPii}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "unset" : "set")}";
}
