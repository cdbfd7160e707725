using Microsoft.Extensions.Compliance.Classification;

namespace TicketSense.Core.Privacy;

/// <summary>
/// TicketSense's data classification taxonomy. <see cref="CustomerContent"/> is what a customer wrote or who they are
/// (a ticket's sender, subject and body): it may be stored and served to the API's callers, but never logged in clear.
/// </summary>
public static class TicketSenseData
{
    public const string TaxonomyName = "TicketSense";

    public static DataClassification CustomerContent { get; } = new(TaxonomyName, nameof(CustomerContent));
}
