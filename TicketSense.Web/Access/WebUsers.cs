using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TicketSense.Web.Access;

/// <summary>
/// Checks a name and password against <c>Web:Users</c> with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2, salted, compared in constant time) — the same hasher the Worker's <c>hash-password</c> command uses.
/// </summary>
public sealed class WebUsers(IOptions<WebAccessOptions> options)
{
    private static readonly PasswordHasher<string> Hasher = new();

    // A hash of nothing in particular: an unknown name costs the same work as a known one, so timing tells no names.
    private static readonly string UnknownUserHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    /// <summary>The user's name as configured when the password is right, else null.</summary>
    public string? Verify(string? name, string? password)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password)) return null;
        var user = options.Value.Users.FirstOrDefault(u => string.Equals(u.Key, name.Trim(), StringComparison.OrdinalIgnoreCase));
        var result = Hasher.VerifyHashedPassword(user.Key ?? "", user.Value ?? UnknownUserHash, password);
        return user.Key is not null && result != PasswordVerificationResult.Failed ? user.Key : null;
    }
}
