namespace TicketSense.Contracts;

/// <summary>
/// Who gave a triage: a tier of the pipeline (<c>primary</c>, <c>fallback</c>, <c>local</c>), or <c>human</c> once a
/// reviewer has corrected any of its fields.
/// </summary>
public enum TriageSource
{
    Primary,
    Fallback,
    Local,
    Human,
}
