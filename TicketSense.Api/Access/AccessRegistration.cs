using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace TicketSense.Api.Access;

/// <summary>
/// ASP.NET Core authentication (<see cref="ApiKeyAuthenticationHandler"/>) and the two policies of
/// <see cref="AccessPolicies"/>, decided by <c>Api:Keys</c> and <c>Api:RequireKeyForReads</c>.
/// </summary>
public static class AccessRegistration
{
    public static IServiceCollection AddTicketSenseAccess(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<ApiOptions>>((authorization, api) =>
        {
            authorization.AddPolicy(AccessPolicies.Write, policy => Require(policy, api.Value.KeysConfigured));
            authorization.AddPolicy(AccessPolicies.Read, policy => Require(policy, api.Value.KeysConfigured && api.Value.RequireKeyForReads));
        });
        services.AddHostedService<OpenAccessWarning>();
        return services;
    }

    private static void Require(AuthorizationPolicyBuilder policy, bool key)
    {
        if (key) policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser();
        else policy.RequireAssertion(_ => true);
    }
}
