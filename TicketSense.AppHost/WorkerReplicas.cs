using System.Globalization;

namespace TicketSense.AppHost;

/// <summary>
/// How many worker processes run: <c>AppHost:WorkerReplicas</c> (default 1). Locally Aspire starts that many; in a
/// published manifest it is the parameter <c>worker-replicas</c> with that default, because the manifest format has no
/// field for replicas (Aspire's manifest publisher writes none, and <c>WithReplicas</c> takes a fixed number, never a
/// parameter): the deployment maps the parameter to its replica count (docs/deploy.md).
/// </summary>
public static class WorkerReplicas
{
    public const string Setting = "AppHost:WorkerReplicas";
    public const string ParameterName = "worker-replicas";

    public static IResourceBuilder<ProjectResource> WithWorkerReplicas(this IResourceBuilder<ProjectResource> worker)
    {
        var builder = worker.ApplicationBuilder;
        var replicas = builder.Configuration.GetValue(Setting, 1);
        builder.AddParameter(ParameterName, replicas.ToString(CultureInfo.InvariantCulture), publishValueAsDefault: true);
        return worker.WithReplicas(replicas);
    }
}
