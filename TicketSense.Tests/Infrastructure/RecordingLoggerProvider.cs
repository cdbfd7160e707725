using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps everything a host logs, at every level: each message as formatted, each name=value of
/// its state and of the scopes around it, and the exception, so a test can show what never reaches any log sink.
/// </summary>
[ProviderAlias("Recording")]
public sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>Per log entry: its category, then every text it carried (message, state and scope values, exception).</summary>
    public ConcurrentQueue<(string Category, IReadOnlyList<string> Texts)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static IEnumerable<string> TextsOf(object? state)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values) yield return $"{key}={Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}";
        }
        yield return state?.ToString() ?? "";
    }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var texts = new List<string> { formatter(state, exception), exception?.ToString() ?? "" };
            texts.AddRange(TextsOf(state));
            provider._scopes.ForEachScope((scope, all) => all.AddRange(TextsOf(scope)), texts);
            provider.Entries.Enqueue((category, texts));
        }
    }
}
