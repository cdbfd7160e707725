using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

namespace TicketSense.AppHost.Dashboard;

/// <summary>
/// A piece of HTML. Built with <see cref="Of"/>, whose every interpolated value is HTML-encoded unless it is already
/// <see cref="Html"/>: telemetry is whatever the services sent, so nothing reaches the page unencoded by accident.
/// </summary>
public readonly record struct Html(string Value)
{
    public static Html Empty { get; } = new("");

    public static Html Of(ref HtmlHandler handler) => handler.ToHtml();

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(part => part.Value)));

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public override string ToString() => Value;
}

/// <summary>Collects an <see cref="Html.Of"/> string: literals as written, values encoded.</summary>
[InterpolatedStringHandler]
public ref struct HtmlHandler(int literalLength, int formattedCount)
{
    private DefaultInterpolatedStringHandler _text = new(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public void AppendLiteral(string literal) => _text.AppendLiteral(literal);

    public void AppendFormatted(Html html) => _text.AppendLiteral(html.Value ?? "");

    public void AppendFormatted(string? text) => _text.AppendLiteral(Html.Encode(text));

    public void AppendFormatted<T>(T value, string? format = null) =>
        _text.AppendLiteral(Html.Encode(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString()));

    public Html ToHtml() => new(_text.ToStringAndClear());
}
