using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TicketSense.Core.Triage;

/// <summary>The triage activity source and meters (ServiceDefaults subscribes to every <c>TicketSense.*</c> name).</summary>
public static class TriageTelemetry
{
    public const string Name = "TicketSense.Triage";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Triages = Meter.CreateCounter<long>("ticketsense.triages", description: "Triages completed, by source (primary, fallback, local).");

    public static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("ticketsense.triage.duration", unit: "ms", description: "Time to triage a ticket.");

    public static readonly Counter<long> LlmAttempts = Meter.CreateCounter<long>("ticketsense.llm.attempts", description: "HTTP attempts to LLM endpoints, retries included.");
}
