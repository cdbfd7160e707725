namespace TicketSense.Worker.Seeding;

/// <summary>The <c>Seed</c> configuration section: what the worker loads at start (the AppHost sets it); unset loads nothing.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary><c>Seed:Path</c>: a folder of <c>batch_*.json</c> files, or one such file.</summary>
    public string? Path { get; set; }
}
