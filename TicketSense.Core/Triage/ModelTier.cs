using Microsoft.Extensions.AI;
using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>One model the fallback decorator may ask: which tier it is, its model id, and its client pipeline.</summary>
public sealed record ModelTier(TriageSource Source, string Model, IChatClient Client);
