using TicketSense.Api.RateLimiting;

namespace TicketSense.Api.Access;

/// <summary>Puts endpoints under an access policy, so each endpoint's declaration says who may call it.</summary>
public static class AccessEndpointExtensions
{
    /// <summary>
    /// Creates, changes or re-triages data, or returns ticket content in bulk: needs a key whenever keys are configured,
    /// and counts against the caller's <c>Api:RateLimit</c> (checked before the endpoint runs, so a refused write stores nothing).
    /// </summary>
    public static TBuilder RequireWriteAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AccessPolicies.Write).RequireRateLimiting(RateLimitRegistration.WritePolicy);

    /// <summary>Reads one ticket, a page or the counts: needs a key only when <c>Api:RequireKeyForReads</c> is true.</summary>
    public static TBuilder RequireReadAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AccessPolicies.Read);
}
