using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>
/// The mode this process triages in, decided once by <see cref="TriageRegistration"/> from <c>Triage:Mode</c> and
/// <c>Triage:ApiKey</c>: <c>auto</c> becomes <c>llm</c> with a key, <c>local</c> without. The decision chooses what is
/// registered (the LLM pipeline only in <c>llm</c>), and whatever reports or checks the mode reads this singleton
/// instead of deciding again.
/// </summary>
public sealed record ActiveTriageMode
{
    private ActiveTriageMode(TriageMode mode) => Mode = mode;

    /// <summary><see cref="TriageMode.Llm"/> or <see cref="TriageMode.Local"/>, never <see cref="TriageMode.Auto"/>.</summary>
    public TriageMode Mode { get; }

    public bool IsLlm => Mode == TriageMode.Llm;

    public static ActiveTriageMode Resolve(TriageOptions options) => new(options.Mode switch
    {
        TriageMode.Auto => string.IsNullOrWhiteSpace(options.ApiKey) ? TriageMode.Local : TriageMode.Llm,
        var mode => mode,
    });
}
