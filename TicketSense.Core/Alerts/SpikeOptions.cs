using TicketSense.Contracts;

namespace TicketSense.Core.Alerts;

/// <summary>The <c>Alerts:Spike</c> configuration section: how many similar tickets within how long make an incident.</summary>
public sealed class SpikeOptions
{
    public const string Section = "Alerts:Spike";

    /// <summary><c>Alerts:Spike:Enabled</c>: false turns detection off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Alerts:Spike:Threshold</c>: tickets of one category sharing a tag that make a spike.</summary>
    public int Threshold { get; set; } = 10;

    /// <summary><c>Alerts:Spike:Window</c>: how close together (by arrival) they must be; also how long a spike stays active after its last ticket.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary><c>Alerts:Spike:Categories</c>: the categories watched, as wire names (<c>technical</c>); empty watches every category.</summary>
    public List<string> Categories { get; set; } = [];

    public bool Watches(Category category) => Enabled && (Categories.Count == 0 || Categories.Contains(WireNames.Of(category)));
}
