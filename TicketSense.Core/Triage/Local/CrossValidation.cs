using TicketSense.Contracts;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// k-fold cross-validation of the local model: every ticket is scored by a model trained on the other folds, so no
/// ticket is scored by a model that learned it.
/// </summary>
public static class CrossValidation
{
    public const int Folds = 5;

    /// <summary>Fold <paramref name="fold"/> of <see cref="Folds"/>: every <see cref="Folds"/>th item is tested, the rest trains.</summary>
    public static (List<T> Train, List<T> Test) Split<T>(IReadOnlyList<T> items, int fold) =>
        (items.Where((_, i) => i % Folds != fold).ToList(), items.Where((_, i) => i % Folds == fold).ToList());

    /// <summary>
    /// The share of labels right per dimension, over the tickets that state that dimension's label; the final labels
    /// (after the labelling rules) are scored, as a user sees them.
    /// </summary>
    public static ModelAccuracy Accuracy(IReadOnlyList<TrainingTicket> tickets, CancellationToken cancellationToken)
    {
        var right = new int[3];
        var scored = new int[3];
        for (var fold = 0; fold < Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (train, test) = Split(tickets, fold);
            var model = LocalTriageModel.Train(train);
            foreach (var ticket in test)
            {
                var predicted = model.Predict(ticket.Ticket);
                string[] labels = [WireNames.Of(predicted.Priority), WireNames.Of(predicted.Category), WireNames.Of(predicted.Sentiment)];
                for (var dimension = 0; dimension < 3; dimension++)
                {
                    if (ticket.LabelFor(dimension) is not { } label) continue;
                    scored[dimension]++;
                    if (label == labels[dimension]) right[dimension]++;
                }
            }
        }
        return new ModelAccuracy(Share(0), Share(1), Share(2));

        double Share(int dimension) => scored[dimension] == 0 ? 0 : Math.Round((double)right[dimension] / scored[dimension], 4);
    }
}
