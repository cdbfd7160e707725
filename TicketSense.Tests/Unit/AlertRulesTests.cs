using TicketSense.Contracts;
using TicketSense.Core.Alerts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Unit;

/// <summary>Which triage changes alert which endpoint: first triage of an API ticket, and a correction that newly matches.</summary>
public sealed class AlertRulesTests
{
    private static readonly AlertEndpointOptions Default = new() { Url = "https://ops.example.com/hook", Secret = "s" };
    private static readonly AlertEndpointOptions HighOnly = new() { Name = "high", Url = "https://high.example.com/hook", Secret = "s", Priorities = ["high"] };

    private static Ticket Ticket(TicketOrigin origin) => new()
    {
        Id = "t-1", Sender = "a@example.com", Subject = "s", Body = "b", ReceivedAt = DateTimeOffset.UnixEpoch, Origin = origin,
    };

    private static TicketTriage Triage(Priority priority, Sentiment sentiment) => SampleTickets.Triage("t-1", priority, sentiment: sentiment);

    private static IEnumerable<(string, AlertEvent)> Evaluate(TicketOrigin origin, TicketTriage? previous, TicketTriage next, bool isCorrection) =>
        AlertRules.Evaluate([Default, HighOnly], Ticket(origin), previous, next, isCorrection).Select(a => (a.Endpoint.EndpointName, a.Event));

    [Fact]
    public void The_first_triage_of_an_api_ticket_alerts_every_endpoint_it_matches()
    {
        Assert.Equal([("https://ops.example.com/hook", AlertEvent.Triaged)],
            Evaluate(TicketOrigin.Api, null, Triage(Priority.Low, Sentiment.Angry), isCorrection: false));
        Assert.Equal([("https://ops.example.com/hook", AlertEvent.Triaged)],
            Evaluate(TicketOrigin.Api, null, Triage(Priority.Critical, Sentiment.Neutral), isCorrection: false));
        Assert.Equal([("high", AlertEvent.Triaged)],
            Evaluate(TicketOrigin.Api, null, Triage(Priority.High, Sentiment.Neutral), isCorrection: false));
        Assert.Equal([("https://ops.example.com/hook", AlertEvent.Triaged), ("high", AlertEvent.Triaged)],
            Evaluate(TicketOrigin.Api, null, Triage(Priority.High, Sentiment.Angry), isCorrection: false));
    }

    [Fact]
    public void A_triage_that_matches_no_rule_alerts_nothing()
    {
        Assert.Empty(Evaluate(TicketOrigin.Api, null, Triage(Priority.Medium, Sentiment.Negative), isCorrection: false));
    }

    [Fact]
    public void An_imported_ticket_and_a_later_model_triage_alert_nothing()
    {
        Assert.Empty(Evaluate(TicketOrigin.Import, null, Triage(Priority.Critical, Sentiment.Angry), isCorrection: false));
        Assert.Empty(Evaluate(TicketOrigin.Api, Triage(Priority.Low, Sentiment.Neutral), Triage(Priority.Critical, Sentiment.Angry), isCorrection: false));
    }

    [Fact]
    public void A_correction_alerts_only_the_endpoints_it_newly_matches_whatever_the_origin()
    {
        Assert.Equal([("https://ops.example.com/hook", AlertEvent.Corrected)],
            Evaluate(TicketOrigin.Import, Triage(Priority.Low, Sentiment.Neutral), Triage(Priority.Low, Sentiment.Angry), isCorrection: true));
        Assert.Equal([("high", AlertEvent.Corrected)],
            Evaluate(TicketOrigin.Api, Triage(Priority.Critical, Sentiment.Neutral), Triage(Priority.High, Sentiment.Angry), isCorrection: true));
        Assert.Empty(Evaluate(TicketOrigin.Api, Triage(Priority.Critical, Sentiment.Angry), Triage(Priority.Low, Sentiment.Neutral), isCorrection: true));
        Assert.Equal([("https://ops.example.com/hook", AlertEvent.Corrected)],
            Evaluate(TicketOrigin.Import, null, Triage(Priority.Critical, Sentiment.Neutral), isCorrection: true));
    }

    [Fact]
    public void An_endpoints_name_defaults_to_its_url_without_user_info_or_query_string()
    {
        var endpoint = new AlertEndpointOptions { Url = "https://user:pass@hooks.example.com:8443/in/ops?token=abc#x", Secret = "s" };

        Assert.Equal("https://hooks.example.com:8443/in/ops", endpoint.EndpointName);
    }
}
