namespace TicketSense.Web.Access;

/// <summary>
/// The <c>Web</c> section: the dashboard's own API key (<c>Web:ApiKey</c>, sent with every call to the Api) and its
/// users (<c>Web:Users:NAME = HASH</c>, a password hash from <c>dotnet run --project TicketSense.Worker -- hash-password</c>).
/// With users the dashboard asks for a sign-in; without, it is open and says so.
/// </summary>
public sealed class WebAccessOptions
{
    public const string Section = "Web";

    public string? ApiKey { get; set; }

    public Dictionary<string, string> Users { get; set; } = new(StringComparer.Ordinal);

    public bool SignInRequired => Users.Count > 0;
}
