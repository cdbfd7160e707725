using TicketSense.Core.Tickets;

namespace TicketSense.Api.Access;

/// <summary>Hands the authenticated key's name to the request's <see cref="CallerIdentity"/>, which the intake and the history record.</summary>
public static class CallerIdentityMiddleware
{
    public static IApplicationBuilder UseCallerIdentity(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
                context.RequestServices.GetRequiredService<CallerIdentity>().Name = name;
            return next(context);
        });
}
