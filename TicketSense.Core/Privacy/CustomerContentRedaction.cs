using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TicketSense.Core.Privacy;

/// <summary>
/// Log redaction for every service that handles tickets (Api, Worker): <see cref="TicketSenseData.CustomerContent"/>
/// erased, and so is any value of a classification nobody registered a redactor for (the framework's fallback), so a
/// new classification can never leak by default. Erasing, not hashing: nothing in the logs needs to tell two
/// customers' texts apart, and the ticket id already ties a log line to its ticket.
/// </summary>
public static class CustomerContentRedaction
{
    public static IHostApplicationBuilder AddCustomerContentRedaction(this IHostApplicationBuilder builder)
    {
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction =>
        {
            redaction.SetRedactor<ErasingRedactor>(new DataClassificationSet(TicketSenseData.CustomerContent));
            redaction.SetFallbackRedactor<ErasingRedactor>();
        });
        return builder;
    }
}
