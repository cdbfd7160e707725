using System.Diagnostics;

namespace TicketSense.Bench;

/// <summary>What every benchmark prints: latency summaries, a header with the machine, and a fixed-duration load loop.</summary>
public static class Measure
{
    public static void Header(string name) =>
        Console.WriteLine($"{name}: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>"mean X ms, p50 Y ms, p99 Z ms (n calls)" over latencies in milliseconds.</summary>
    public static string Latency(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return $"mean {sorted.Average():F3} ms, p50 {Percentile(sorted, 50):F3} ms, p99 {Percentile(sorted, 99):F3} ms ({sorted.Length} calls)";
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Runs <paramref name="call"/> back to back on <paramref name="workers"/> workers for <paramref name="duration"/>; returns each call's latency and the elapsed time.</summary>
    public static async Task<(List<double> Latencies, TimeSpan Elapsed, int Failures)> ForDurationAsync(int workers, TimeSpan duration, Func<Task<bool>> call)
    {
        var latencies = new List<double>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await call()) Interlocked.Increment(ref failures);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            lock (latencies) latencies.AddRange(mine);
        })));
        return (latencies, clock.Elapsed, failures);
    }
}
