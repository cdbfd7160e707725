using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Api;
using TicketSense.Core.Data;

namespace TicketSense.Testing;

/// <summary>The Api in-process over given storage, with extra settings (e.g. the LLM double's endpoint).</summary>
public sealed class ApiFactory(string ticketsConnectionString, string cacheConnectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<ApiAssembly>
{
    public ApiFactory(StorageFixture storage, IReadOnlyDictionary<string, string?>? settings = null)
        : this(storage.TicketsConnectionString, storage.CacheConnectionString, settings)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:tickets", ticketsConnectionString);
        builder.UseSetting("ConnectionStrings:cache", cacheConnectionString);
        builder.UseSetting("Triage:Mode", "local");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Waits for the Api's start-up migration (a no-op on a database cloned from the migrated template, but it runs in
    /// the background): until it is done, the ticket endpoints answer 503. Throws a TimeoutException after 30 s.
    /// </summary>
    public Task WaitUntilMigratedAsync() =>
        Services.GetRequiredService<DatabaseState>().WaitUntilMigratedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
}
