using System.Text.RegularExpressions;

namespace TicketSense.Core.Triage.Redaction;

/// <summary>
/// One kind of personal identifier: the name its placeholders carry (<c>[email-1]</c>), the pattern that finds
/// candidates, and the check that turns a candidate into the value it identifies (null: not one after all), so the
/// same value written two ways gets one placeholder.
/// </summary>
public sealed record PiiKind(string Name, Regex Candidates, Func<string, string?> Identify);
