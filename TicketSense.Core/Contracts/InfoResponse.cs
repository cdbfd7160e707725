namespace TicketSense.Core.Contracts;

/// <summary>What <c>GET /info</c> tells: the triage mode and models. Never the API key.</summary>
public sealed record InfoResponse(
    string Mode,
    string PrimaryModel,
    string FallbackModel,
    string PromptVersion);
