using TicketSense.Contracts;

namespace TicketSense.Tests.Unit;

public sealed class WireNamesTests
{
    [Fact]
    public void Every_enum_has_the_designs_wire_names_in_order()
    {
        Assert.Equal(["low", "medium", "high", "critical"], WireNames.All<Priority>());
        Assert.Equal(["billing", "technical", "feature_request", "complaint", "general"], WireNames.All<Category>());
        Assert.Equal(["positive", "neutral", "negative", "angry"], WireNames.All<Sentiment>());
        Assert.Equal(["primary", "fallback", "local", "human"], WireNames.All<TriageSource>());
    }

    [Fact]
    public void Parsing_is_exact()
    {
        Assert.True(WireNames.TryParse<Category>("feature_request", out var category));
        Assert.Equal(Category.FeatureRequest, category);
        Assert.False(WireNames.TryParse<Category>("Feature_Request", out _));
        Assert.False(WireNames.TryParse<Priority>(null, out _));
        var error = Assert.Throws<FormatException>(() => WireNames.Parse<Priority>("urgent"));
        Assert.Contains("low, medium, high, critical", error.Message);
    }
}
