using System.Text.Json;
using TicketSense.Contracts;

namespace TicketSense.Tests.Unit;

public sealed class TicketSenseJsonTests
{
    [Fact]
    public void TriageOutput_is_written_snake_case_with_the_designs_enum_values()
    {
        var triage = new TriageOutput(Priority.Critical, Category.FeatureRequest, Sentiment.Angry, "One sentence.", ["dark-mode", "ui"]);

        var json = JsonSerializer.Serialize(triage, TicketSenseJson.Options);

        Assert.Equal("""{"priority":"critical","category":"feature_request","sentiment":"angry","summary":"One sentence.","tags":["dark-mode","ui"]}""", json);
    }

    [Fact]
    public void TriageOutput_reads_back_what_it_wrote()
    {
        var triage = new TriageOutput(Priority.Low, Category.General, Sentiment.Positive, "Thanks.", ["praise", "onboarding"]);

        var read = JsonSerializer.Deserialize<TriageOutput>(JsonSerializer.Serialize(triage, TicketSenseJson.Options), TicketSenseJson.Options);

        Assert.NotNull(read);
        Assert.Equal(triage with { Tags = read.Tags }, read);
        Assert.Equal(triage.Tags, read.Tags);
    }

    [Theory]
    [InlineData("""{"priority":"super high","category":"billing","sentiment":"neutral","summary":"x","tags":[]}""")]
    [InlineData("""{"priority":"low","category":"FeatureRequest","sentiment":"neutral","summary":"x","tags":[]}""")]
    [InlineData("""{"priority":2,"category":"billing","sentiment":"neutral","summary":"x","tags":[]}""")]
    public void Values_outside_the_enums_are_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TriageOutput>(json, TicketSenseJson.Options));
    }

    [Fact]
    public void A_confidence_is_the_three_labels_and_nothing_else()
    {
        var json = JsonSerializer.Serialize(new TriageConfidence(0.62, 0.91, 0.48), TicketSenseJson.Options);

        Assert.Equal("""{"priority":0.62,"category":0.91,"sentiment":0.48}""", json);
    }

    [Fact]
    public void Overview_maps_are_keyed_by_wire_names()
    {
        var overview = new OverviewResponse(
            3, 1,
            new Dictionary<Priority, int> { [Priority.Low] = 2 },
            new Dictionary<Category, int> { [Category.FeatureRequest] = 2 },
            new Dictionary<Sentiment, int> { [Sentiment.Angry] = 2 },
            NeedsReview: 1);

        var json = JsonSerializer.Serialize(overview, TicketSenseJson.Options);

        Assert.Equal(
            """{"total_tickets":3,"pending":1,"by_priority":{"low":2},"by_category":{"feature_request":2},"by_sentiment":{"angry":2},"needs_review":1}""",
            json);
        var read = JsonSerializer.Deserialize<OverviewResponse>(json, TicketSenseJson.Options)!;
        Assert.Equal(2, read.ByCategory[Category.FeatureRequest]);
    }

    [Fact]
    public void Ticket_response_writes_a_pending_triage_as_null()
    {
        var response = new TicketResponse("T-1", "a@b.co", "s", "b",
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero), null, null);

        var json = JsonSerializer.Serialize(response, TicketSenseJson.Options);

        Assert.Contains("\"received_at\":\"2026-01-02T03:04:05+00:00\"", json);
        Assert.Contains("\"triage\":null", json);
        Assert.Contains("\"triage_meta\":null", json);
    }
}
