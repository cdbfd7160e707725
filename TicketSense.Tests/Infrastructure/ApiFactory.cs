using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TicketSense.Api;

namespace TicketSense.Tests.Infrastructure;

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
}
