namespace TicketSense.Core.Data;

/// <summary>Postgres keeps microseconds: a time rounded here equals what a later read returns.</summary>
public static class PostgresTime
{
    public static DateTimeOffset Round(DateTimeOffset value) => value.AddTicks(-(value.Ticks % 10));
}
