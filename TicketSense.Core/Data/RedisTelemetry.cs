using System.Diagnostics;

namespace TicketSense.Core.Data;

/// <summary>
/// Client spans for our Redis commands: no Redis instrumentation package is served here (shared/DESIGN.md section 8),
/// so the cache and event calls that sit on a ticket's path get one span each, named by command as OpenTelemetry's
/// database conventions name them.
/// </summary>
public static class RedisTelemetry
{
    public const string Name = "TicketSense.Redis";

    private static readonly ActivitySource Source = new(Name);

    public static Activity? Start(string command, string target)
    {
        var activity = Source.StartActivity(command, ActivityKind.Client);
        activity?.SetTag("db.system.name", "redis");
        activity?.SetTag("db.operation.name", command);
        activity?.SetTag("db.query.text", $"{command} {target}");
        return activity;
    }

    public static void Failed(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity?.SetTag("error.type", exception.GetType().FullName);
    }
}
