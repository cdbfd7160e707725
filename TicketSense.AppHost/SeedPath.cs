namespace TicketSense.AppHost;

public static class SeedPath
{
    /// <summary>
    /// Runs the worker's seed load from <c>Seed:Path</c>, else the repository's <c>data/</c>. A published manifest
    /// carries no path of this machine, so there the worker gets none: a deployment starts with no tickets, and the
    /// seed is loaded, when wanted, with the worker's <c>seed</c> command (docs/deploy.md).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSeedPath(this IResourceBuilder<ProjectResource> worker, string repositoryRoot) =>
        worker.ApplicationBuilder.ExecutionContext.IsPublishMode
            ? worker
            : worker.WithEnvironment("Seed__Path", worker.ApplicationBuilder.Configuration["Seed:Path"] ?? Path.Combine(repositoryRoot, "data"));
}
