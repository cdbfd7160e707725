using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Tests.Unit;

/// <summary>One local model trained on the seed set, shared by a test class (training takes seconds).</summary>
public sealed class LocalTriageModelFixture
{
    public LocalTriageModelFixture()
    {
        Seed = TicketDataset.LoadSeed(DataPath.Resolve(null)).Labelled();
        Model = LocalTriageModel.Train(Seed);
    }

    public IReadOnlyList<(Ticket Ticket, GoldLabel Gold)> Seed { get; }

    public LocalTriageModel Model { get; }
}
