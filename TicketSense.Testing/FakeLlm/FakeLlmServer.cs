using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TicketSense.Testing.FakeLlm;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on 127.0.0.1 and a free port, so tests drive the real client
/// stack (OpenAI SDK, Microsoft.Extensions.AI, HttpClient handlers) without ever calling a provider. Each model name
/// answers from its own script (<see cref="Enqueue"/>, then <see cref="SetDefault(string, LlmReply)"/>, then the
/// global default, a valid triage), and every request is recorded in arrival order.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private const string ChatCompletionsPath = "/v1/chat/completions";

    private readonly LlmScript _script = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private readonly long _startedAt;
    private WebApplication _app = null!;
    private long _completions;
    private int _clientAborts;
    private int _disposed;

    private FakeLlmServer(TimeProvider time)
    {
        _time = time;
        _startedAt = time.GetTimestamp();
    }

    /// <summary>The OpenAI base address, ending in <c>/v1</c>: what <c>OpenAIClientOptions.Endpoint</c> takes.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate) return [.. _requests];
        }
    }

    /// <summary>
    /// Requests whose client went away (cancellation, attempt timeout) while a <see cref="LlmReply.Hang"/> or
    /// <see cref="LlmReply.Delayed"/> reply was still waiting: proof the double let go when the client did.
    /// </summary>
    public int ClientAborts => Volatile.Read(ref _clientAborts);

    /// <param name="timeProvider">The clock for arrival times, hangs and delays; the system clock by default.</param>
    public static async Task<FakeLlmServer> StartAsync(TimeProvider? timeProvider = null)
    {
        var server = new FakeLlmServer(timeProvider ?? TimeProvider.System);
        // The empty builder reads no environment, appsettings or ASPNETCORE_URLS and logs nowhere: the double
        // behaves the same on every machine and stays quiet in test output.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();

        // Port 0: Kestrel binds a free port itself, so there is no window in which another process can take it.
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server._app = app;
        server.BaseUrl = new Uri($"{address.TrimEnd('/')}/v1");
        return server;
    }

    /// <summary>Replies <paramref name="model"/> gives to its next requests, in order, before its default.</summary>
    public void Enqueue(string model, params LlmReply[] replies) => _script.Enqueue(model, replies);

    /// <summary>What <paramref name="model"/> answers once its queue is empty.</summary>
    public void SetDefault(string model, LlmReply reply) => _script.SetDefault(model, reply);

    /// <summary>What every model without a queue or default of its own answers (initially <see cref="LlmReply.Valid"/>).</summary>
    public void SetDefault(LlmReply reply) => _script.SetDefault(reply);

    /// <summary>How many queued replies <paramref name="model"/> has not given yet.</summary>
    public int Remaining(string model) => _script.Remaining(model);

    /// <summary>The requests for <paramref name="model"/>, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(string model)
    {
        lock (_gate) return [.. _requests.Where(r => r.Model == model)];
    }

    /// <summary>Back to a fresh server: no queues, no defaults but the valid triage, no recorded requests.</summary>
    public void Reset()
    {
        _script.Reset();
        lock (_gate) _requests.Clear();
        Interlocked.Exchange(ref _clientAborts, 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // Hangs end first, so stopping does not wait for them.
        await _stopping.CancelAsync();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != ChatCompletionsPath)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound,
                OpenAiWire.InvalidRequest($"Invalid URL ({context.Request.Method} {context.Request.Path})"), context.RequestAborted);
            return;
        }

        var arrivedAt = _time.GetElapsedTime(_startedAt);
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest,
                OpenAiWire.InvalidRequest("We could not parse the JSON body of your request."), context.RequestAborted);
            return;
        }

        if (!OpenAiWire.TryReadRequest(body, out var request, out var error))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, OpenAiWire.InvalidRequest(error), context.RequestAborted);
            return;
        }

        var hadAuthorization = context.Request.Headers.Authorization.Count > 0;
        lock (_gate) _requests.Add(new RecordedRequest(request.Model, arrivedAt, request.ResponseFormat, request.Messages, hadAuthorization, body));

        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        await ReplyAsync(context, request, _script.Next(request.Model), gone.Token);
    }

    private async Task ReplyAsync(HttpContext context, OpenAiWire.ChatRequest request, LlmReply reply, CancellationToken gone)
    {
        switch (reply)
        {
            case LlmReply.Completion completion:
                var id = $"chatcmpl-fake-{Interlocked.Increment(ref _completions)}";
                await WriteAsync(context, StatusCodes.Status200OK,
                    OpenAiWire.Completion(id, request.Model, _time.GetUtcNow(), completion.Content, request.Messages), gone);
                break;

            case LlmReply.Failure failure:
                if (failure.RetryAfter is { } wait)
                {
                    context.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                await WriteAsync(context, failure.StatusCode, OpenAiWire.Error(failure.StatusCode), gone);
                break;

            case LlmReply.Hanging hanging:
                await WaitAsync(context, hanging.Duration, gone);
                // Whether the hang ran out or the client left: no response, the connection just ends.
                context.Abort();
                break;

            case LlmReply.Deferred deferred:
                if (await WaitAsync(context, deferred.Delay, gone)) await ReplyAsync(context, request, deferred.Then, gone);
                else context.Abort();
                break;

            default:
                throw new InvalidOperationException($"Unknown reply {reply}.");
        }
    }

    /// <summary>Waits <paramref name="duration"/>; false when the client left (counted) or the server is stopping first.</summary>
    private async Task<bool> WaitAsync(HttpContext context, TimeSpan duration, CancellationToken gone)
    {
        try
        {
            await Task.Delay(duration, _time, gone);
            return true;
        }
        catch (OperationCanceledException)
        {
            if (context.RequestAborted.IsCancellationRequested) Interlocked.Increment(ref _clientAborts);
            return false;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, byte[] body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = OpenAiWire.ContentType;
        context.Response.ContentLength = body.Length;
        try
        {
            await context.Response.Body.WriteAsync(body, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left while the answer was being written: nobody is there to read it.
        }
    }
}
