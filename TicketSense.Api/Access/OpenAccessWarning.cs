using Microsoft.Extensions.Options;

namespace TicketSense.Api.Access;

/// <summary>Says once, at start, that the API is open to anyone who can reach it when no <c>Api:Keys</c> are configured.</summary>
public sealed class OpenAccessWarning(IOptions<ApiOptions> api, ILogger<OpenAccessWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!api.Value.KeysConfigured)
            logger.LogWarning("No API keys are configured (Api:Keys): anyone who can reach this API can create, re-triage and correct tickets. Set Api__Keys__NAME=KEY to require one.");
        else
            logger.LogInformation("API keys required for writes{Reads}; callers: {Names}.",
                api.Value.RequireKeyForReads ? " and reads" : "", string.Join(", ", api.Value.Keys.Keys));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
