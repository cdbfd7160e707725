using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TicketSense.Api;
using TicketSense.Contracts;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

/// <summary>API keys over real Postgres and Redis: every write needs one when keys are configured; reads as configured.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private const string OpsKey = "ops-key-0123456789abcdef";
    private const string AuditKey = "audit-key-fedcba9876543210";

    private readonly StorageFixture storage = new();
    private ApiFactory api = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await storage.InitializeAsync();
        api = new ApiFactory(storage, new Dictionary<string, string?> { ["Api:Keys:ops"] = OpsKey, ["Api:Keys:audit"] = AuditKey });
        client = api.CreateClient();
        await api.WaitUntilMigratedAsync();
        using var seed = Request(HttpMethod.Post, "/tickets", OpsKey, ApiFixture.NewTicket("keyed-1"));
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(seed)).StatusCode);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await api.DisposeAsync();
        await storage.DisposeAsync();
    }

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/tickets" },
        { "POST", "/tickets/keyed-1/triage" },
        { "PATCH", "/tickets/keyed-1/triage" },
        { "POST", "/overview/refresh" },
        { "POST", "/model/retrain" },
        { "GET", "/events" },
        { "GET", "/exports/tickets.csv" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_without_a_key_is_a_401_problem_with_a_challenge(string method, string path)
    {
        using var response = await client.SendAsync(Request(new HttpMethod(method), path, key: null, BodyFor(path)), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("API key is required", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_with_a_wrong_key_is_a_401_that_says_so(string method, string path)
    {
        using var response = await client.SendAsync(Request(new HttpMethod(method), path, OpsKey + "x", BodyFor(path)), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain(OpsKey, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_with_a_right_key_goes_through(string method, string path)
    {
        using var response = await client.SendAsync(Request(new HttpMethod(method), path, AuditKey, BodyFor(path)), HttpCompletionOption.ResponseHeadersRead);

        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_X_Api_Key_header_is_accepted_too_and_the_keys_name_is_the_creator_and_the_actor()
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "/tickets") { Content = JsonContent.Create(ApiFixture.NewTicket("keyed-header")) };
        post.Headers.Add("X-Api-Key", AuditKey);
        var created = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var correct = Request(HttpMethod.Patch, "/tickets/keyed-header/triage", OpsKey, new { priority = "high", reviewer = "Dana" });
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(correct)).StatusCode);

        var ticket = (await client.GetFromJsonAsync<TicketResponse>("/tickets/keyed-header", TicketSenseJson.Options))!;
        var history = (await client.GetFromJsonAsync<TriageHistory>("/tickets/keyed-header/history", TicketSenseJson.Options))!.Items;

        Assert.Equal("audit", ticket.CreatedBy);
        Assert.Equal(("ops", "Dana"), (history[0].Actor, history[0].Reviewer));
        Assert.Equal("audit", history[1].Actor); // the model's first triage, on the creating request
        Assert.DoesNotContain(AuditKey, await (await client.GetAsync("/tickets/keyed-header/history")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reads_and_probes_stay_open_unless_reads_need_a_key()
    {
        await using var strict = new ApiFactory(storage, new Dictionary<string, string?> { ["Api:Keys:ops"] = OpsKey, ["Api:RequireKeyForReads"] = "true" });
        using var strictClient = strict.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tickets/keyed-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await strictClient.GetAsync("/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await strictClient.GetAsync("/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await strictClient.GetAsync("/model")).StatusCode);
        using var keyed = Request(HttpMethod.Get, "/tickets/keyed-1", OpsKey);
        Assert.Equal(HttpStatusCode.OK, (await strictClient.SendAsync(keyed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await strictClient.GetAsync("/alive")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await strictClient.GetAsync("/ready")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_key_so_docs_can_send_one()
    {
        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"securitySchemes\"", document);
        Assert.Contains("X-Api-Key", document);
        Assert.Contains("\"bearer\"", document);
    }

    [Fact]
    public async Task Without_keys_the_API_is_open_and_nobody_is_the_creator()
    {
        await using var open = new ApiFactory(storage);
        using var openClient = open.CreateClient();

        var created = await openClient.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("open-1"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Null((await created.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!.CreatedBy);
    }

    [Theory]
    [InlineData("short-key", "at least 16 characters")]
    [InlineData("   ", "at least 16 characters")]
    public void A_weak_key_stops_the_start_naming_the_key_but_never_showing_it(string key, string reason)
    {
        var result = new ApiOptionsValidator().Validate(null, new ApiOptions { Keys = { ["ops"] = key } });

        Assert.True(result.Failed);
        Assert.Contains("Api:Keys:ops", result.FailureMessage);
        Assert.Contains(reason, result.FailureMessage);
        if (key.Trim().Length > 0) Assert.DoesNotContain(key, result.FailureMessage);
    }

    [Fact]
    public void Two_names_with_one_key_are_refused()
    {
        var result = new ApiOptionsValidator().Validate(null, new ApiOptions { Keys = { ["a"] = OpsKey, ["b"] = OpsKey } });

        Assert.True(result.Failed);
        Assert.Contains("Api:Keys:a and Api:Keys:b", result.FailureMessage);
    }

    private static object? BodyFor(string path) => path switch
    {
        "/tickets" => ApiFixture.NewTicket($"keyed-{Guid.NewGuid():N}"),
        "/tickets/keyed-1/triage" => new { sentiment = "negative", reviewer = "Dana" },
        _ => null,
    };

    private static HttpRequestMessage Request(HttpMethod method, string path, string? key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null && method != HttpMethod.Get) request.Content = JsonContent.Create(body);
        return request;
    }
}
