using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Learning;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Tests.Unit;

/// <summary>
/// The local model learns a team's labels from its corrections: trained on the seed plus one half of the holdout set
/// (another company's tickets, labelled by its own writers) as corrections, it labels the other half better.
/// </summary>
public sealed class LocalTriageLearningTests(LocalTriageModelFixture fixture) : IClassFixture<LocalTriageModelFixture>
{
    private static readonly IReadOnlyList<(Ticket Ticket, GoldLabel Gold)> Holdout =
        TicketDataset.Load(DataPath.Resolve(null), TicketDataset.HoldoutFolder).Labelled();

    private static readonly List<(Ticket Ticket, GoldLabel Gold)> Corrected = [.. Holdout.Where((_, i) => i % 2 == 0)];
    private static readonly List<(Ticket Ticket, GoldLabel Gold)> Unseen = [.. Holdout.Where((_, i) => i % 2 == 1)];

    [Fact]
    public void Corrections_from_another_company_lift_its_other_tickets()
    {
        var learned = LocalTriageModel.Train([.. fixture.Seed.Select(TrainingTicket.Of), .. Corrected.Select(c => TrainingTicket.Of(c) with { Weight = TrainingSet.CorrectionWeight })]);

        var (seedPriority, seedCategory) = Accuracy(fixture.Model);
        var (learnedPriority, learnedCategory) = Accuracy(learned);

        Assert.True(learnedPriority + learnedCategory >= seedPriority + seedCategory + 0.05 && learnedCategory >= seedCategory && learnedPriority >= seedPriority - 0.02,
            $"on {Unseen.Count} unseen tickets: priority {seedPriority:P1} → {learnedPriority:P1}, category {seedCategory:P1} → {learnedCategory:P1}");
    }

    [Fact]
    public void A_correction_teaches_only_the_labels_it_states()
    {
        // Corrections of the category alone leave the priority classifier exactly as the seed trained it.
        var categoryOnly = LocalTriageModel.Train([.. fixture.Seed.Select(TrainingTicket.Of), .. Corrected.Select(c => TrainingTicket.Of(c) with { Priority = null, Sentiment = null, Weight = TrainingSet.CorrectionWeight })]);

        Assert.Equal(Unseen.Select(u => fixture.Model.Assess(u.Ticket).Confidence.Priority), Unseen.Select(u => categoryOnly.Assess(u.Ticket).Confidence.Priority));
    }

    [Fact]
    public void A_human_label_replaces_the_seed_label_of_the_same_ticket_and_weighs_more()
    {
        var seed = fixture.Seed.Take(3).ToList();
        var (ticket, gold) = seed[1];
        var correction = new TrainingTicket(ticket, Priority: null, Category.Complaint, Sentiment: null, TrainingSet.CorrectionWeight);

        var set = TrainingSet.Of(seed, [correction]);

        Assert.Equal(4, set.Count);
        var fromSeed = Assert.Single(set, t => t.Ticket.Id == ticket.Id && t.Weight == 1);
        Assert.Equal((gold.Priority, (Category?)null, gold.Sentiment), (fromSeed.Priority!.Value, fromSeed.Category, fromSeed.Sentiment!.Value));
        Assert.Same(correction, set[^1]);
    }

    [Fact]
    public void A_seed_ticket_corrected_in_every_label_is_learned_once_as_the_human_says()
    {
        var (ticket, _) = fixture.Seed[0];
        var correction = new TrainingTicket(ticket, Priority.Critical, Category.Complaint, Sentiment.Angry, TrainingSet.CorrectionWeight);

        var set = TrainingSet.Of(fixture.Seed.Take(2), [correction]);

        Assert.Equal([fixture.Seed[1].Ticket.Id, ticket.Id], set.Select(t => t.Ticket.Id));
    }

    private static (double Priority, double Category) Accuracy(LocalTriageModel model)
    {
        var predictions = Unseen.Select(u => (u.Gold, Output: model.Predict(u.Ticket))).ToList();
        return ((double)predictions.Count(p => p.Output.Priority == p.Gold.Priority) / predictions.Count,
                (double)predictions.Count(p => p.Output.Category == p.Gold.Category) / predictions.Count);
    }
}
