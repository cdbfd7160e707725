using System.Diagnostics;

namespace TicketSense.Worker.Terminal;

/// <summary>
/// Progress of a one-shot command: on a terminal, one redrawn line with a bar, count, rate and ETA; when output is
/// redirected (CI, a log file), a plain line every 10 % so the log stays readable.
/// </summary>
public sealed class ProgressBar(string label, int total, TextWriter output, bool interactive) : IProgress<int>
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private int _lastDecile = -1;
    private long _lastDrawTicks;

    public static ProgressBar ForConsole(string label, int total) => new(label, total, Console.Out, !Console.IsOutputRedirected);

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(int done)
    {
        lock (_lock)
        {
            if (interactive)
            {
                // Redraw at most 20 times a second, and always the last one.
                if (done < total && _clock.ElapsedTicks - _lastDrawTicks < Stopwatch.Frequency / 20) return;
                _lastDrawTicks = _clock.ElapsedTicks;
                output.Write($"\r{Line(done)}");
                if (done >= total) output.WriteLine();
            }
            else
            {
                var decile = total == 0 ? 10 : done * 10 / total;
                if (decile == _lastDecile) return;
                _lastDecile = decile;
                output.WriteLine(Line(done));
            }
        }
    }

    public string Line(int done)
    {
        var fraction = total == 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? done / seconds : 0;
        var eta = rate > 0 && done < total ? TimeSpan.FromSeconds((total - done) / rate).ToString(@"m\:ss") : "0:00";
        return $"{label} [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {rate,6:0.0}/s ETA {eta}";
    }
}
