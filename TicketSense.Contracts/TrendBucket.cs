namespace TicketSense.Contracts;

/// <summary>
/// The width of one point of <c>GET /overview/trends</c>, aligned in UTC: an hour, a day, or an ISO week (from Monday
/// 00:00Z). On the wire: <c>hour</c>, <c>day</c>, <c>week</c>.
/// </summary>
public enum TrendBucket
{
    Hour,
    Day,
    Week,
}
