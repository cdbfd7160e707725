using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TicketSense.Contracts;
using TicketSense.Core.Alerts;
using TicketSense.Core.Data;

namespace TicketSense.Worker.Alerts;

/// <summary>
/// Sends the outbox's due deliveries (<c>alert_deliveries</c>), a few at once. Each is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> in a short transaction of its own that holds the row lock while it is sent and
/// recorded, so several Workers never send one delivery twice, and a killed Worker's lock dies with its connection and
/// the delivery is sent again. A 2xx is delivered; anything else is retried with backoff, until <c>Alerts:GiveUpAfter</c>.
/// </summary>
public sealed class AlertDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertDispatcher> logger)
{
    public const string HttpClientName = "alerts";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Whether any delivery is due: the cheap question asked every poll.</summary>
    public async Task<bool> AnyDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        return await db.AlertDeliveries.AnyAsync(d => d.Status == AlertDeliveryStatus.Pending && d.NextAttemptAt <= DateTimeOffset.UtcNow, cancellationToken);
    }

    /// <summary>Sends every due delivery, <c>Alerts:Concurrency</c> at a time; returns how many attempts were made.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(_ => DrainAsync(cancellationToken)));
        return attempts.Sum();
    }

    private async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (await SendNextAsync(cancellationToken)) attempts++;
        return attempts;
    }

    /// <summary>Claims one due delivery, sends it and records the outcome, in one transaction; false when none is due.</summary>
    private async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pending = WireNames.Of(AlertDeliveryStatus.Pending);
        var delivery = await db.AlertDeliveries.FromSql($"""
                SELECT * FROM alert_deliveries
                WHERE status = {pending} AND next_attempt_at <= clock_timestamp()
                ORDER BY next_attempt_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (delivery is null) return false;

        var endpoint = options.Value.Webhooks.FirstOrDefault(e => e.EndpointName == delivery.Endpoint);
        var outcome = endpoint is null ? (false, "unknown-endpoint") : await PostAsync(endpoint, delivery, cancellationToken);
        await RecordAsync(db, delivery, outcome, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Whether the receiver acknowledged it (2xx), and the HTTP status of the answer or a short error kind: never an
    /// exception's message, which may quote the URL.
    /// </summary>
    private async Task<(bool Acknowledged, string Status)> PostAsync(AlertEndpointOptions endpoint, AlertDelivery delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(IdempotencyKeyHeader, delivery.DeliveryId.ToString());
        request.Headers.Add(AlertSignature.Header, AlertSignature.Sign(endpoint.Secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return (response.IsSuccessStatusCode, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, ex switch
            {
                TimeoutRejectedException or TaskCanceledException => "timeout",
                BrokenCircuitException => "circuit-open",
                HttpRequestException => "network",
                _ => "error",
            });
        }
    }

    private async Task RecordAsync(TicketsDbContext db, AlertDelivery delivery, (bool Acknowledged, string Status) outcome,
        CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        var alerts = options.Value;
        var retryInSeconds = AlertBackoff.After(attempts, alerts.BackoffBase, alerts.BackoffCap).TotalSeconds;
        var giveUpAfterSeconds = alerts.GiveUpAfter.TotalSeconds;
        string deliveredStatus = WireNames.Of(AlertDeliveryStatus.Delivered), pendingStatus = WireNames.Of(AlertDeliveryStatus.Pending),
            failedStatus = WireNames.Of(AlertDeliveryStatus.Failed);
        // ToListAsync, not SingleAsync: EF would wrap a composed query around the UPDATE, which Postgres refuses.
        var status = (await db.Database.SqlQuery<string>($"""
            UPDATE alert_deliveries SET
                attempts = {attempts},
                last_attempt_at = clock_timestamp(),
                last_status = {outcome.Status},
                status = CASE
                    WHEN {outcome.Acknowledged} THEN {deliveredStatus}
                    WHEN clock_timestamp() - created_at >= make_interval(secs => {giveUpAfterSeconds}) THEN {failedStatus}
                    ELSE {pendingStatus} END,
                next_attempt_at = clock_timestamp() + make_interval(secs => {retryInSeconds})
            WHERE delivery_id = {delivery.DeliveryId}
            RETURNING status AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        // The endpoint's name never holds its secret or a query string; the payload (customer content) is not logged.
        if (status == failedStatus)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} to {Endpoint} failed for good after {Attempts} attempts (last: {LastStatus})",
                delivery.DeliveryId, delivery.Endpoint, attempts, outcome.Status);
        }
    }
}
