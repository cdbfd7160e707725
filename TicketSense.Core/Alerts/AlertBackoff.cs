namespace TicketSense.Core.Alerts;

/// <summary>The wait before the next attempt after <c>attempts</c> failed ones: base × 2^(attempts − 1), at most the cap.</summary>
public static class AlertBackoff
{
    public static TimeSpan After(int attempts, TimeSpan baseDelay, TimeSpan cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        // 2^30 × any base already exceeds any sensible cap; the exponent stops there so the product cannot overflow.
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = baseDelay.TotalMilliseconds * factor;
        return delay >= cap.TotalMilliseconds ? cap : TimeSpan.FromMilliseconds(delay);
    }
}
