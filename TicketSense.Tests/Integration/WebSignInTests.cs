using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using TicketSense.Contracts;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration;

/// <summary>
/// The dashboard with users and its own API key, in front of an Api with keys, over real Postgres and Redis: pages need
/// a sign-in, and a correction is made in the signed-in user's name with the dashboard's key.
/// </summary>
public sealed partial class WebSignInTests : IAsyncLifetime
{
    private const string DashboardKey = "dashboard-key-0123456789abcdef";
    private const string Password = "correct horse battery";

    private readonly StorageFixture storage = new();
    private ApiFactory api = null!;
    private string apiAddress = "";

    public async Task InitializeAsync()
    {
        await storage.InitializeAsync();
        api = new ApiFactory(storage, new Dictionary<string, string?> { ["Api:Keys:dashboard"] = DashboardKey });
        api.UseKestrel(0);
        api.StartServer();
        apiAddress = api.CreateClient().BaseAddress!.GetLeftPart(UriPartial.Authority);
        await api.WaitUntilMigratedAsync();
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await storage.DisposeAsync();
    }

    private WebApplicationFactory<TicketSense.Web.WebAssembly> Web(bool withUsers) =>
        new WebApplicationFactory<TicketSense.Web.WebAssembly>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Services:api:http:0", apiAddress);
            web.UseSetting("Web:ApiKey", DashboardKey);
            if (withUsers) web.UseSetting("Web:Users:dana", new PasswordHasher<string>().HashPassword("dana", Password));
        });

    [Fact]
    public async Task Pages_and_the_live_stream_ask_for_a_sign_in_and_a_wrong_password_is_refused()
    {
        await using var web = Web(withUsers: true);
        using var browser = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var review = await browser.GetAsync("/review");
        var live = await browser.GetAsync("/live");
        var wrong = await SignInAsync(browser, "dana", "not the password");

        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        Assert.StartsWith("/login", review.Headers.Location!.PathAndQuery);
        Assert.NotEqual(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Wrong name or password", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_corrects_a_ticket_in_their_own_name_with_the_dashboards_key()
    {
        using var apiClient = api.CreateClient();
        apiClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardKey);
        Assert.Equal(HttpStatusCode.Created, (await apiClient.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("signed-1"))).StatusCode);
        await using var web = Web(withUsers: true);
        using var browser = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signedIn = await SignInAsync(browser, "Dana", Password);
        var page = await browser.GetStringAsync("/review");
        var saved = await browser.PostAsync("/review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = "signed-1", ["reviewer"] = "Someone Else", ["priority"] = "critical", ["category"] = "billing", ["sentiment"] = "angry",
            ["__RequestVerificationToken"] = Token(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("id=\"signed-in-as\">dana<", page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var history = (await apiClient.GetFromJsonAsync<TriageHistory>("/tickets/signed-1/history", TicketSenseJson.Options))!.Items;
        Assert.Equal((TriageSource.Human, "dana", "dashboard"), (history[0].Source, history[0].Reviewer, history[0].Actor));
        Assert.Equal(Priority.Critical, history[0].Triage.Priority);
    }

    [Fact]
    public async Task Without_users_the_dashboard_is_open_and_says_so()
    {
        await using var web = Web(withUsers: false);
        using var browser = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("id=\"open-dashboard\"", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_dashboard_without_the_key_says_the_Api_refused_it_instead_of_failing()
    {
        await using var strictApi = new ApiFactory(storage, new Dictionary<string, string?> { ["Api:Keys:dashboard"] = DashboardKey, ["Api:RequireKeyForReads"] = "true" });
        strictApi.UseKestrel(0);
        strictApi.StartServer();
        var strictAddress = strictApi.CreateClient().BaseAddress!.GetLeftPart(UriPartial.Authority);
        await using var keyless = new WebApplicationFactory<TicketSense.Web.WebAssembly>()
            .WithWebHostBuilder(builder => builder.UseSetting("Services:api:http:0", strictAddress));

        var home = await keyless.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("id=\"api-refused-key\"", await home.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string name, string password)
    {
        var form = await browser.GetStringAsync("/login?ReturnUrl=%2Freview");
        return await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = name, ["Password"] = password, ["ReturnUrl"] = "/review", ["__RequestVerificationToken"] = Token(form),
        }));
    }

    private static string Token(string html) => AntiforgeryToken().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
