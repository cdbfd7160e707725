using TicketSense.Contracts;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Tests.Unit;

/// <summary>
/// The priority and sentiment rules of data/README.md as the local model applies them to its classifiers' proposals.
/// The texts are written for this test, in voices and products the seed data does not have.
/// </summary>
public sealed class TriageEvidenceTests
{
    private static Priority Priority(Priority proposed, string text) => PriorityEvidence.Of(TriageCues.Of(text)).Decide(proposed);

    private static Sentiment Sentiment(Sentiment proposed, string text) => SentimentEvidence.Of(text, TriageCues.Of(text)).Decide(proposed);

    [Theory]
    [InlineData("how do i get my loyalty points onto the new card?")]
    [InlineData("Could you tell me which documents I need to bring to the branch to open a joint account?")]
    public void Low_without_evidence_that_it_can_wait_is_medium(string text) =>
        Assert.Equal(Contracts.Priority.Medium, Priority(Contracts.Priority.Low, text));

    [Theory]
    [InlineData("no rush at all, but does the kayak rental include life jackets?")]
    [InlineData("It would be nice if the app could show the pool's opening hours on the home screen.")]
    [InlineData("Huge thank you to the night nurse on ward 4, she was wonderful with my dad.")]
    public void Low_with_evidence_that_it_can_wait_stays_low(string text) =>
        Assert.Equal(Contracts.Priority.Low, Priority(Contracts.Priority.Low, text));

    [Theory]
    [InlineData("The font on the receipt looks a bit off, very minor.")]
    [InlineData("Can I change the name on my gym membership?")]
    public void Critical_needs_an_outage_data_loss_security_safety_or_legal_evidence(string text) =>
        Assert.NotEqual(Contracts.Priority.Critical, Priority(Contracts.Priority.Critical, text));

    [Theory]
    [InlineData("There is smoke coming out of the charger you sent, it smells of burning.")]
    [InlineData("Someone logged into my account from another country and I don't recognise the purchases.")]
    [InlineData("Our solicitor will be in touch; we intend to issue proceedings over the damaged shipment.")]
    public void High_with_severe_evidence_is_critical(string text) =>
        Assert.Equal(Contracts.Priority.Critical, Priority(Contracts.Priority.High, text));

    [Theory]
    [InlineData("you took the monthly fee two times this month, please refund one")]
    [InlineData("my parcel never arrived and the tracking says delivered")]
    public void Medium_with_money_wrongly_taken_or_a_blocked_task_is_high(string text) =>
        Assert.Equal(Contracts.Priority.High, Priority(Contracts.Priority.Medium, text));

    [Theory]
    [InlineData("3rd time asking where my refund is. 5 weeks now. still nothing.")]
    [InlineData("order late AGAIN. second time this month")]
    [InlineData("still waiting for someone to call me back about the boiler")]
    public void A_short_complaint_is_negative_not_neutral(string text) =>
        Assert.Equal(Contracts.Sentiment.Negative, Sentiment(Contracts.Sentiment.Neutral, text));

    [Theory]
    [InlineData("is the blue jacket still available in medium?")]
    [InlineData("can you send the booking confirmation again to my new email?")]
    [InlineData("what time does the pharmacy open on sundays?")]
    public void A_short_neutral_question_stays_neutral(string text) =>
        Assert.Equal(Contracts.Sentiment.Neutral, Sentiment(Contracts.Sentiment.Neutral, text));

    [Theory]
    [InlineData("wow thanks for the update that deleted all my saved routes 🙃 great job")]
    [InlineData("oh great, another 'improvement' that logs me out every hour")]
    public void Sarcasm_is_never_positive(string text) =>
        Assert.NotEqual(Contracts.Sentiment.Positive, Sentiment(Contracts.Sentiment.Positive, text));

    [Fact]
    public void Positive_needs_praise_or_thanks()
    {
        Assert.Equal(Contracts.Sentiment.Neutral, Sentiment(Contracts.Sentiment.Positive, "Please update the delivery address on order 5521."));
        Assert.Equal(Contracts.Sentiment.Positive, Sentiment(Contracts.Sentiment.Positive, "Thanks so much, the new timetable page is brilliant!"));
    }
}
