using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace TicketSense.Web.Access;

/// <summary>
/// Cookie sign-in for the dashboard when <c>Web:Users</c> holds users (every page but the sign-in page, the live
/// stream and the CSV export then need a signed-in user), and the dashboard's API key on every call it makes to the Api.
/// </summary>
public static class WebAccessRegistration
{
    /// <summary>The minimal endpoints' counterpart of the pages' sign-in convention: a signed-in user when sign-in is on.</summary>
    public const string SignedInPolicy = "signed-in";

    public static WebApplicationBuilder AddTicketSenseWebAccess(this WebApplicationBuilder builder)
    {
        var access = builder.Configuration.GetSection(WebAccessOptions.Section).Get<WebAccessOptions>() ?? new WebAccessOptions();
        builder.Services.Configure<WebAccessOptions>(builder.Configuration.GetSection(WebAccessOptions.Section));
        builder.Services.AddSingleton<WebUsers>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = "/login";
            options.Cookie.Name = "ticketsense.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(SignedInPolicy, policy =>
        {
            if (access.SignInRequired) policy.RequireAuthenticatedUser();
            else policy.RequireAssertion(_ => true);
        });
        builder.Services.AddRazorPages(options =>
        {
            if (!access.SignInRequired) return;
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/Login");
            options.Conventions.AllowAnonymousToPage("/Error");
        });
        return builder;
    }
}
