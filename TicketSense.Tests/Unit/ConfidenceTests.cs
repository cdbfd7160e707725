using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;

namespace TicketSense.Tests.Unit;

/// <summary>The confidence of a triage means something: labels the model is surer of are right more often.</summary>
public sealed class ConfidenceTests(LocalTriageModelFixture fixture) : IClassFixture<LocalTriageModelFixture>
{
    [Fact]
    public void On_tickets_it_never_saw_the_local_models_sure_labels_are_right_more_often_than_its_unsure_ones()
    {
        var holdout = TicketDataset.Load(DataPath.Resolve(null), TicketDataset.HoldoutFolder).Labelled();
        var scored = holdout.Select(l => (l.Gold, Assessment: fixture.Model.Assess(l.Ticket))).ToList();

        Assert.All(scored, s => Assert.InRange(s.Assessment.Confidence.Lowest, 0, 1));
        AssertSureIsRighter("priority", scored.Select(s => (s.Assessment.Confidence.Priority, s.Assessment.Output.Priority == s.Gold.Priority)));
        AssertSureIsRighter("category", scored.Select(s => (s.Assessment.Confidence.Category, s.Assessment.Output.Category == s.Gold.Category)));
    }

    [Fact]
    public void The_local_answer_carries_the_confidence_of_its_labels()
    {
        var ticket = fixture.Seed[0].Ticket;

        var answer = fixture.Model.Answer(ticket);

        Assert.Equal(fixture.Model.Assess(ticket).Confidence, answer.Confidence);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(0.5, 0.75)]
    [InlineData(1, 1)]
    public void An_LLM_label_scores_half_plus_half_the_local_models_agreement(double agreement, double expected)
    {
        var confidence = SecondOpinion.Of(new TriageConfidence(agreement, agreement, agreement));

        Assert.Equal(new TriageConfidence(expected, expected, expected), confidence);
    }

    private static void AssertSureIsRighter(string dimension, IEnumerable<(double Confidence, bool Correct)> labels)
    {
        var all = labels.ToList();
        var sure = all.Where(l => l.Confidence >= 0.7).ToList();
        var unsure = all.Where(l => l.Confidence < 0.5).ToList();
        Assert.True(sure.Count >= 20 && unsure.Count >= 20, $"{dimension}: {sure.Count} sure and {unsure.Count} unsure labels, too few to compare");
        double Accuracy(List<(double, bool Correct)> group) => (double)group.Count(l => l.Correct) / group.Count;
        Assert.True(Accuracy(sure) > Accuracy(unsure) + 0.15,
            $"{dimension}: {Accuracy(sure):P0} right at confidence ≥ 0.7, {Accuracy(unsure):P0} under 0.5");
    }
}
