using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TicketSense.Api.Access;

/// <summary>
/// Authenticates a caller by an API key of <c>Api:Keys</c>, sent as <c>Authorization: Bearer KEY</c> or
/// <c>X-Api-Key: KEY</c>. The caller's identity is the key's name; the key itself is compared in constant time (as
/// SHA-256 digests, so neither the content nor the length of a configured key leaks) and never logged.
/// A refusal is a 401 problem with <c>WWW-Authenticate: Bearer</c>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<ApiOptions> api,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    // Digests of the configured keys, computed once per handler (one per request: options do not change while running).
    private readonly (string Name, byte[] Digest)[] keys =
        [.. api.Value.Keys.Select(k => (k.Key, SHA256.HashData(Encoding.UTF8.GetBytes(k.Value.Trim()))))];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey() is not { } presented) return Task.FromResult(AuthenticateResult.NoResult());

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? name = null;
        // Every key is compared, whichever matches, so the time taken says nothing about which one did.
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, key.Digest)) name = key.Name;
        }
        if (name is null) return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));

        Activity.Current?.SetTag("enduser.id", name);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await Context.AuthenticateAsync(SchemeName);
        var presented = result.Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = presented
            ? """Bearer realm="TicketSense", error="invalid_token", error_description="The API key is not valid." """.TrimEnd()
            : """Bearer realm="TicketSense" """.TrimEnd();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = presented ? "The API key is not valid." : "An API key is required.",
                Detail = $"Send a key of Api:Keys as 'Authorization: Bearer KEY' or '{HeaderName}: KEY'.",
            },
        });
    }

    private string? PresentedKey()
    {
        if (Request.Headers[HeaderName] is [{ Length: > 0 } header]) return header.Trim();
        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;
    }
}
