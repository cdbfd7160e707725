using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Tickets;
using TicketSense.Core.Triage;
using TicketSense.Core.Triage.Local;
using TicketSense.Core.Triage.Redaction;

namespace TicketSense.Tests.Unit;

/// <summary>Personal identifiers become typed placeholders; dates, amounts and references a triage needs do not.</summary>
public sealed class PiiRedactorTests(LocalTriageModelFixture fixture) : IClassFixture<LocalTriageModelFixture>
{
    [Theory]
    [InlineData("Write to john.doe+billing@example.co.uk today.", "Write to [email-1] today.")]
    [InlineData("Write to Maya.Okafor@northwind-logistics.com.", "Write to [email-1].")]
    [InlineData("Call +44 20 7946 0958 please.", "Call [phone-1] please.")]
    [InlineData("Call +1 (555) 123-4567 please.", "Call [phone-1] please.")]
    [InlineData("Call +4915112345678 please.", "Call [phone-1] please.")]
    [InlineData("Call (555) 123-4567 please.", "Call [phone-1] please.")]
    [InlineData("Call 555-123-4567 or 555.123.4567.", "Call [phone-1] or [phone-1].")]
    [InlineData("Call 020 7946 0958 please.", "Call [phone-1] please.")]
    [InlineData("Call 07700 900123 please.", "Call [phone-1] please.")]
    [InlineData("Card 4111 1111 1111 1111 was declined.", "Card [card-1] was declined.")]
    [InlineData("Card 4111-1111-1111-1111 was declined.", "Card [card-1] was declined.")]
    [InlineData("Card 4111111111111111 was declined.", "Card [card-1] was declined.")]
    [InlineData("Card 3782 822463 10005 (Amex).", "Card [card-1] (Amex).")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00, please.", "IBAN [iban-1], please.")]
    [InlineData("IBAN DE89370400440532013000, please.", "IBAN [iban-1], please.")]
    [InlineData("IBAN GB82-WEST-1234-5698-7654-32 please.", "IBAN [iban-1] please.")]
    [InlineData("From 192.168.10.24 we get a 403.", "From [ip-1] we get a 403.")]
    public void Each_kind_of_identifier_becomes_its_placeholder(string text, string redacted) =>
        Assert.Equal(redacted, PiiRedactor.Mask(text));

    [Theory]
    [InlineData("Card 4111 1111 1111 1112 was declined.")]
    [InlineData("Card 4111-1111-1111-1112 was declined.")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 01, please.")]
    [InlineData("IBAN DE00370400440532013000, please.")]
    public void A_number_whose_check_digits_fail_is_no_card_or_iban(string text)
    {
        var redacted = PiiRedactor.Mask(text);

        Assert.DoesNotContain("[card-", redacted);
        Assert.DoesNotContain("[iban-", redacted);
    }

    [Theory]
    [InlineData("The outage started on 2026-03-04 at 09:15 and again on 04.03.2026 at 14:30:05.")]
    [InlineData("We were charged $1,299.00 and € 49 and £ 1 299 000 on INV-2024-0042.")]
    [InlineData("Invoice INV-2024-0042 for order 1234567 and order #98765, ticket 4821.")]
    [InlineData("Since v2.3.1 (build 10.4.2) the export fails; see KB-123-4567.")]
    [InlineData("Orders 1234 5678 and 9012 arrived; 300 of 1200 seats are in use.")]
    [InlineData("Reference 2026 0001 2345 6789 on the statement.")]
    public void Dates_amounts_references_and_versions_stay(string text) =>
        Assert.Equal(text, PiiRedactor.Mask(text));

    [Fact]
    public void The_same_value_gets_the_same_placeholder_however_it_is_written()
    {
        var redactor = new PiiRedactor();

        var subject = redactor.Redact("Card 4111 1111 1111 1111 charged twice");
        var body = redactor.Redact("The card 4111-1111-1111-1111 (4111111111111111) belongs to John.Doe@example.com; write to john.doe@example.com.");

        Assert.Equal("Card [card-1] charged twice", subject);
        Assert.Equal("The card [card-1] ([card-1]) belongs to [email-1]; write to [email-1].", body);
    }

    [Fact]
    public void Different_values_of_one_kind_are_numbered_in_order()
    {
        var redacted = PiiRedactor.Mask("Copy ana@example.com and ben@example.org, then ana@example.com again; call +44 20 7946 0958.");

        Assert.Equal("Copy [email-1] and [email-2], then [email-1] again; call [phone-1].", redacted);
    }

    [Fact]
    public void The_local_models_summary_of_a_ticket_opening_with_an_email_address_holds_none()
    {
        var ticket = new Ticket
        {
            Id = "pii-1",
            Sender = "john.doe+billing@example.co.uk",
            Subject = "Refund",
            Body = "We were charged twice and the refund must go to john.doe+billing@example.co.uk or card 4111 1111 1111 1111 this week.",
            ReceivedAt = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero),
        };

        var (output, _) = fixture.Model.Assess(ticket);

        Assert.DoesNotContain("@", output.Summary);
        Assert.DoesNotContain("4111", output.Summary);
        Assert.Contains("[email-1]", output.Summary);
        Assert.All(output.Tags, tag => Assert.DoesNotContain("john", tag));
    }

    [Fact]
    public void A_corrected_summary_is_masked_where_it_is_normalised()
    {
        var (correction, errors) = TriageCorrectionValidator.Validate(new TriageCorrectionRequest(
            null, null, null, "Refund the double charge on  card 4111 1111 1111 1111 to dana@example.com.", null, "Dana", null));

        Assert.Empty(errors);
        Assert.Equal("Refund the double charge on card [card-1] to [email-1].", correction!.Summary);
    }

    [Fact]
    public void A_tag_that_is_a_card_number_is_refused_without_repeating_it()
    {
        var reasons = TriageValidator.CheckTags(["refund", "double-charge", "4111-1111-1111-1111"], out _);

        var reason = Assert.Single(reasons);
        Assert.Contains("personal data", reason);
        Assert.DoesNotContain("4111", reason);
    }
}
