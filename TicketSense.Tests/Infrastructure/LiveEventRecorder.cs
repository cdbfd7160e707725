using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// One client of an Api's <c>GET /events</c>, subscribed once <see cref="OpenAsync"/> returns: counts the
/// <c>triaged</c> events it receives per ticket id until it is disposed.
/// </summary>
public sealed class LiveEventRecorder : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _triaged = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage _response;
    private Task _reading = Task.CompletedTask;

    private LiveEventRecorder(HttpResponseMessage response) => _response = response;

    /// <summary>The triaged events so far: how many came for each ticket id.</summary>
    public IReadOnlyDictionary<string, int> Triaged => new Dictionary<string, int>(_triaged, StringComparer.Ordinal);

    public int Distinct => _triaged.Count;

    /// <summary>When the latest triaged event arrived (UTC), or <see cref="DateTimeOffset.MinValue"/> before the first.</summary>
    public DateTimeOffset LastTriagedAt => new(Interlocked.Read(ref _lastTriagedTicks), TimeSpan.Zero);

    private long _lastTriagedTicks = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>Why the stream ended before it was disposed, if it did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Opens the stream on <paramref name="http"/> (no timeout) and returns once the first event says it is subscribed.</summary>
    public static async Task<LiveEventRecorder> OpenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var recorder = new LiveEventRecorder(response);
        var events = SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken))
            .EnumerateAsync(recorder._stop.Token).GetAsyncEnumerator(recorder._stop.Token);
        if (!await events.MoveNextAsync()) throw new InvalidOperationException("The event stream ended before its first event.");
        recorder._reading = recorder.ReadAsync(events);
        return recorder;
    }

    private async Task ReadAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        try
        {
            while (await events.MoveNextAsync())
            {
                if (events.Current.EventType != "triaged") continue;
                using var ticket = JsonDocument.Parse(events.Current.Data);
                _triaged.AddOrUpdate(ticket.RootElement.GetProperty("id").GetString()!, 1, (_, count) => count + 1);
                Interlocked.Exchange(ref _lastTriagedTicks, DateTimeOffset.UtcNow.UtcTicks);
            }
        }
        catch (Exception ex)
        {
            // Disposing ends the stream with a cancellation or a closed connection: only an end before that is a failure.
            if (!_stop.IsCancellationRequested) Failure = ex;
        }
        finally
        {
            await events.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading;
        _stop.Dispose();
    }
}
