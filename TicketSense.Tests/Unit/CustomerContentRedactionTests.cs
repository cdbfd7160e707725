using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketSense.Core.Data;
using TicketSense.Core.Privacy;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Unit;

/// <summary>
/// The redaction the Api and the Worker register: a value classified as customer content, logged through a
/// source-generated log method, reaches no log provider in clear, while the values beside it do.
/// </summary>
public sealed partial class CustomerContentRedactionTests
{
    private const string Subject = "Quenched marzipan wrote our invoice twice";

    [Fact]
    public void A_customer_content_parameter_is_erased_before_any_provider_sees_it()
    {
        var (logs, logger) = StartLogging();

        LogSubject(logger, "redacted-1", Subject);

        var texts = Assert.Single(logs.Entries).Texts;
        Assert.DoesNotContain(texts, text => text.Contains("marzipan", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Subject=", texts); // there, erased by the redactor (without redaction it is left out)
        Assert.Contains("TicketId=redacted-1", texts);
    }

    [Fact]
    public void A_logged_tickets_sender_subject_and_body_are_erased_and_its_id_is_not()
    {
        var (logs, logger) = StartLogging();
        var ticket = new Ticket { Id = "redacted-2", Sender = "ottilie.vance@marzipan.example", Subject = Subject, Body = "Marzipan body text.", ReceivedAt = DateTimeOffset.UnixEpoch, CreatedBy = "mailbridge" };

        LogTicket(logger, ticket);

        var texts = Assert.Single(logs.Entries).Texts;
        Assert.DoesNotContain(texts, text => text.Contains("marzipan", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["ticket.Body=", "ticket.Sender=", "ticket.Subject="], texts.Where(text => text.EndsWith('=')).Order());
        Assert.Contains("ticket.Id=redacted-2", texts);
    }

    /// <summary>A host with the services' redaction and a provider recording every entry (the host lives as long as the test).</summary>
    private static (RecordingLoggerProvider Logs, ILogger Logger) StartLogging()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddCustomerContentRedaction();
        var logs = new RecordingLoggerProvider();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var host = builder.Build();
        return (logs, host.Services.GetRequiredService<ILogger<CustomerContentRedactionTests>>());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} arrived: {Subject}")]
    private static partial void LogSubject(ILogger logger, string ticketId, [CustomerContent] string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "A ticket arrived")]
    private static partial void LogTicket(ILogger logger, [LogProperties] Ticket ticket);
}
