using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TicketSense.Testing.Servers;

namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// A local webhook receiver on a free port: records every POST (headers and exact body bytes) with the status it
/// answered; answers <see cref="StatusCode"/> (200 unless a test makes it fail), after <see cref="Delay"/>; can be
/// stopped and started again on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; } = FreePort.Next();

    /// <summary>The URL an endpoint is configured with; its query string stands for a token that must never be shown.</summary>
    public string Url => $"http://127.0.0.1:{Port}/hooks?token=query-secret";

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>The requests answered with a 2xx: what the dispatcher counts as delivered.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => [.. Received.Where(r => r.AnsweredStatus is >= 200 and < 300)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAgainAsync();
        return receiver;
    }

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
            var status = StatusCode;
            Received.Enqueue(new ReceivedWebhook(
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray(), status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
