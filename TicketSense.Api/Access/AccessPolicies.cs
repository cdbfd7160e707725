namespace TicketSense.Api.Access;

/// <summary>
/// The two authorization policies every endpoint is under: <see cref="Write"/> for what changes data or hands out
/// ticket content in bulk, <see cref="Read"/> for the other reads. Both need an API key when <c>Api:Keys</c> holds any;
/// reads only when <c>Api:RequireKeyForReads</c> is true too. The health probes, <c>/docs</c> and <c>/openapi</c> are under neither.
/// </summary>
public static class AccessPolicies
{
    public const string Write = "write";
    public const string Read = "read";
}
