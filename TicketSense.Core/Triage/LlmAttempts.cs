namespace TicketSense.Core.Triage;

/// <summary>
/// Counts the HTTP attempts made inside one triage. <see cref="AttemptCountingHandler"/> sits inside the retry
/// handler, so it sees every retry; the count flows with the async call (AsyncLocal), so concurrent triages never
/// share a counter.
/// </summary>
public static class LlmAttempts
{
    private static readonly AsyncLocal<Counter?> Current = new();

    /// <summary>Starts counting for the calling async flow; read <see cref="Counter.Value"/> when the call is done.</summary>
    public static Counter Begin() => Current.Value = new Counter();

    internal static void Increment() => Current.Value?.Add();

    public sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        internal void Add() => Interlocked.Increment(ref _value);
    }
}
