namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// The scale-out test runs six services and a load of 2,000 tickets: on two cores it would starve every test beside
/// it (a model training under it missed its minute), so its collection runs alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleOutCollection
{
    public const string Name = "scale-out";
}
