using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>
/// What <see cref="TriageService.TriageAsync"/> produced: the labels, and the record's metadata unless they came
/// straight from the Redis cache (which holds the labels only).
/// </summary>
public sealed record TriageOutcome(TriageOutput Output, TriageMeta? Meta, bool FromCache);
