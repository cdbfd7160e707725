using TicketSense.Contracts;
using TicketSense.Core.Triage;

namespace TicketSense.Tests.Unit;

public sealed class TriageValidatorTests
{
    private static TriageOutput Output(string summary = "The customer was charged twice for the May invoice.", params string[] tags) =>
        new(Priority.High, Category.Billing, Sentiment.Negative, summary, tags.Length == 0 ? ["double-charge", "refund-request"] : tags);

    [Fact]
    public void A_good_answer_is_accepted_unchanged()
    {
        var result = TriageValidator.Validate(Output());

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(["double-charge", "refund-request"], result.Output!.Tags);
        Assert.Equal("The customer was charged twice for the May invoice.", result.Output.Summary);
    }

    [Fact]
    public void Harmless_tag_variants_are_normalised_and_deduplicated()
    {
        var result = TriageValidator.Validate(Output(tags: [" #Double_Charge ", "double-charge", "Refund Request", "vat--rate"]));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(["double-charge", "refund-request", "vat-rate"], result.Output!.Tags);
    }

    [Theory]
    [InlineData("refund/request")]
    [InlineData("réclamation")]
    [InlineData("ok!")]
    [InlineData("a-very-long-tag-that-goes-on-and-on-and-on-forever")]
    public void Tags_that_are_not_kebab_case_are_refused(string badTag)
    {
        var result = TriageValidator.Validate(Output(tags: ["double-charge", badTag]));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains(badTag, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void Fewer_than_two_or_more_than_five_tags_are_refused(int count)
    {
        var result = TriageValidator.Validate(Output(tags: Enumerable.Range(1, count).Select(i => $"tag-{i}").ToArray()));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains($"{count} distinct tags", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicates_do_not_count_towards_the_minimum()
    {
        Assert.False(TriageValidator.Validate(Output(tags: ["outage", "Outage", "#outage"])).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("The API returns 500. Payments fail too.")]
    [InlineData("Is it down? Nobody answers.")]
    public void Summaries_that_are_empty_or_several_sentences_are_refused(string summary)
    {
        Assert.False(TriageValidator.Validate(Output(summary)).IsValid);
    }

    [Fact]
    public void A_summary_over_500_characters_is_refused_and_whitespace_is_collapsed()
    {
        Assert.False(TriageValidator.Validate(Output(new string('a', 501))).IsValid);

        var result = TriageValidator.Validate(Output("The export\n  fails, e.g. for CSV files."));
        Assert.Equal("The export fails, e.g. for CSV files.", result.Output!.Summary);
    }

    [Fact]
    public void Labels_outside_the_enums_are_refused()
    {
        var result = TriageValidator.Validate(Output() with { Priority = (Priority)7 });

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith("priority 7", StringComparison.Ordinal));
    }
}
