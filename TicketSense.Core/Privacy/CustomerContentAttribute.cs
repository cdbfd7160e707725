using Microsoft.Extensions.Compliance.Classification;

namespace TicketSense.Core.Privacy;

/// <summary>
/// Marks a property, field or log parameter as <see cref="TicketSenseData.CustomerContent"/>: a source-generated
/// <c>[LoggerMessage]</c> parameter (or a <c>[LogProperties]</c> member) carrying it is erased by the redactor
/// <see cref="CustomerContentRedaction"/> registers before any log provider sees it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class CustomerContentAttribute() : DataClassificationAttribute(TicketSenseData.CustomerContent);
