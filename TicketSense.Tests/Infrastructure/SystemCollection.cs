namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// The test classes that share one whole-system start (~1 min on 2 cores): they run one after another against the
/// same <see cref="SystemFixture"/>, each posting tickets with ids of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
