using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TicketSense.AppHost.Dashboard.Otlp.Collector.Logs.V1;
using TicketSense.AppHost.Dashboard.Otlp.Collector.Metrics.V1;
using TicketSense.AppHost.Dashboard.Otlp.Collector.Trace.V1;

namespace TicketSense.AppHost.Dashboard;

/// <summary>
/// OTLP/HTTP with protobuf bodies (the protocol the services export with, <c>http/protobuf</c>): <c>POST /v1/traces</c>,
/// <c>/v1/logs</c> and <c>/v1/metrics</c> into the <see cref="TelemetryStore"/>, each answered with its Export*ServiceResponse.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    public const string PortSetting = "AppHost:OtlpPort";
    public const string ContentType = "application/x-protobuf";

    private readonly WebApplication _app;

    public int Port { get; }

    public string Url => $"http://localhost:{Port}";

    private OtlpReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public static async Task<OtlpReceiver> StartAsync(int port, TelemetryStore store, CancellationToken cancellationToken)
    {
        var app = KestrelApp.Create(port);
        app.MapPost("/v1/traces", (HttpRequest request, CancellationToken ct) => ReceiveAsync(request, ExportTraceServiceRequest.Parser, traces =>
        {
            store.AddSpans(OtlpConversion.Spans(traces, out var rejected));
            return new ExportTraceServiceResponse
            {
                // Left unset when all went in: the specification's "full success".
                PartialSuccess = rejected == 0 ? null : new ExportTracePartialSuccess { RejectedSpans = rejected, ErrorMessage = "spans need a 16-byte trace id and an 8-byte span id" },
            };
        }, ct));
        app.MapPost("/v1/logs", (HttpRequest request, CancellationToken ct) => ReceiveAsync(request, ExportLogsServiceRequest.Parser, logs =>
        {
            store.AddLogs(OtlpConversion.Logs(logs));
            return new ExportLogsServiceResponse();
        }, ct));
        app.MapPost("/v1/metrics", (HttpRequest request, CancellationToken ct) => ReceiveAsync(request, ExportMetricsServiceRequest.Parser, metrics =>
        {
            store.CountMetrics(metrics.ResourceMetrics.SelectMany(r => r.ScopeMetrics).Sum(s => s.Metrics.Count));
            return new ExportMetricsServiceResponse();
        }, ct));
        await KestrelApp.StartAsync(app, "dashboard (OTLP receiver)", port, PortSetting, cancellationToken);
        return new OtlpReceiver(app, port);
    }

    private static async Task<IResult> ReceiveAsync<TRequest>(HttpRequest request, MessageParser<TRequest> parser, Func<TRequest, IMessage> store, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
    {
        // OTLP/JSON and compressed bodies are valid OTLP too, but our services send neither: say so plainly.
        if (request.ContentType?.Split(';')[0].Trim() != ContentType)
        {
            return Results.Text($"Only {ContentType} is accepted here.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.Headers.ContentEncoding is { Count: > 0 } encoding && encoding != "identity")
        {
            return Results.Text($"Content-Encoding {encoding} is not supported.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        TRequest message;
        try
        {
            message = parser.ParseFrom(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (InvalidProtocolBufferException ex)
        {
            return Results.Text($"Not a valid {typeof(TRequest).Name}: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        return Results.Bytes(store(message).ToByteArray(), ContentType);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
