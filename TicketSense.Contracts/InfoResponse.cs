namespace TicketSense.Contracts;

/// <summary>What <c>GET /info</c> tells: the triage mode (<c>llm</c> or <c>local</c>) and models. Never the API key.</summary>
public sealed record InfoResponse(
    TriageMode Mode,
    string PrimaryModel,
    string FallbackModel,
    string PromptVersion);
