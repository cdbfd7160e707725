using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TicketSense.Api;
using TicketSense.Testing.Servers;

namespace TicketSense.Tests.Integration;

/// <summary>Liveness answers without touching Postgres or Redis: here both point at ports where nothing listens.</summary>
public sealed class ServiceHealthTests
{
    private static WebApplicationFactory<T> WithDeadStorage<T>(WebApplicationFactory<T> factory) where T : class =>
        factory.WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:tickets", $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Database=tickets;Timeout=1")
            .UseSetting("ConnectionStrings:cache", $"127.0.0.1:{FreePort.Next()}"));

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task The_api_is_alive_while_its_stores_are_down(string path)
    {
        await using var api = WithDeadStorage(new WebApplicationFactory<ApiAssembly>());

        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task The_web_app_is_alive(string path)
    {
        await using var web = new WebApplicationFactory<TicketSense.Web.WebAssembly>();

        var response = await web.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_web_app_serves_its_home_page()
    {
        await using var web = new WebApplicationFactory<TicketSense.Web.WebAssembly>();

        var html = await web.CreateClient().GetStringAsync("/");

        Assert.Contains("<title>Triage overview · TicketSense</title>", html);
    }
}
