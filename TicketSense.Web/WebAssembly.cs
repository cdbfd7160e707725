namespace TicketSense.Web;

/// <summary>Names this assembly for <c>WebApplicationFactory&lt;T&gt;</c>: several entry points share one test project, so <c>Program</c> is ambiguous.</summary>
public sealed class WebAssembly;
