using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TicketSense.Contracts;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

public sealed class TicketsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> PostRaw(string json) =>
        Client.PostAsync("/tickets", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task A_posted_ticket_is_stored_triaged_and_readable()
    {
        var response = await Client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("api-create-1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/tickets/api-create-1", response.Headers.Location?.OriginalString);
        var created = (await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
        Assert.NotNull(created.Triage);
        Assert.Equal(TriageSource.Local, created.TriageMeta!.Source);
        Assert.InRange(created.Triage.Tags.Count, 2, 5);

        var read = (await Client.GetFromJsonAsync<TicketResponse>("/tickets/api-create-1", TicketSenseJson.Options))!;
        Assert.Equal(created.Triage.Priority, read.Triage!.Priority);
        Assert.Equal(created.Triage.Summary, read.Triage.Summary);
        Assert.Equal(created.CreatedAt, read.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 15, 0, TimeSpan.Zero), read.ReceivedAt);
    }

    [Fact]
    public async Task A_duplicate_id_is_409_and_the_stored_ticket_is_unchanged()
    {
        await api.PostAsync("api-dup-1", subject: "The original subject");

        var second = await Client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("api-dup-1", subject: "A replacement subject"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await ProblemOf(second);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Contains("api-dup-1", problem.GetProperty("detail").GetString());
        var read = (await Client.GetFromJsonAsync<TicketResponse>("/tickets/api-dup-1", TicketSenseJson.Options))!;
        Assert.Equal("The original subject", read.Subject);
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_one_problem()
    {
        var response = await PostRaw("""{"id":"..","sender":"not-an-email","subject":null,"body":"   ","received_at":"2026-03-04T09:15:00"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemOf(response)).GetProperty("errors");
        Assert.Equal(["body", "id", "received_at", "sender"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("id", "\"has space\"")]
    [InlineData("id", "\"-leading-dash\"")]
    [InlineData("sender", "\"Dana <dana@example.com>\"")]
    [InlineData("sender", "\"dana@example.com\\r\\nBcc: x@y.z\"")]
    [InlineData("body", "\"nul\\u0000inside\"")]
    [InlineData("received_at", "\"yesterday\"")]
    [InlineData("received_at", "\"2026-13-45T00:00:00Z\"")]
    [InlineData("subject", "7")]
    public async Task A_bad_value_is_a_400_naming_its_field(string field, string jsonValue)
    {
        var fields = new Dictionary<string, string>
        {
            ["id"] = "\"api-bad-1\"", ["sender"] = "\"dana@example.com\"", ["subject"] = "\"s\"", ["body"] = "\"b\"", ["received_at"] = "\"2026-03-04T09:15:00Z\"",
        };
        fields[field] = jsonValue;

        var response = await PostRaw("{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemOf(response)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/tickets/api-bad-1")).StatusCode);
    }

    [Fact]
    public async Task Length_limits_are_inclusive_bounds()
    {
        var atLimits = ApiFixture.NewTicket(new string('a', 64), subject: new string('s', 300), body: new string('b', 20_000));
        var overSubject = ApiFixture.NewTicket("api-long-2", subject: new string('s', 301));
        var overBody = ApiFixture.NewTicket("api-long-3", body: new string('b', 20_001));
        var overId = ApiFixture.NewTicket(new string('a', 65));

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/tickets", atLimits)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync("/tickets", overSubject)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync("/tickets", overBody)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync("/tickets", overId)).StatusCode);
    }

    [Fact]
    public async Task A_client_cannot_supply_its_own_triage_and_an_empty_subject_is_fine()
    {
        var response = await PostRaw("""
            {"id":"api-own-triage","sender":"dana@example.com","body":"Export to CSV hangs at 99%.","received_at":"2026-03-04T09:15:00+01:00",
             "triage":{"priority":"critical","category":"billing","sentiment":"angry","summary":"Forged.","tags":["forged-tag","other-tag"]},"extra":1}
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
        Assert.Equal("", created.Subject);
        Assert.NotEqual("Forged.", created.Triage!.Summary);
        Assert.DoesNotContain("forged-tag", created.Triage.Tags);
        Assert.Equal(8, created.ReceivedAt.Hour);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    public async Task A_body_that_is_not_a_ticket_object_is_a_400(string body)
    {
        var response = await PostRaw(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await ProblemOf(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_ticket_is_a_404_problem_for_read_and_retriage()
    {
        var read = await Client.GetAsync("/tickets/no-such-ticket");
        var retriage = await Client.PostAsync("/tickets/no-such-ticket/triage", null);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, retriage.StatusCode);
        Assert.Contains("no-such-ticket", (await ProblemOf(read)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Retriage_replaces_the_record_past_the_cache()
    {
        var created = await api.PostAsync("api-retriage-1");

        var response = await Client.PostAsync("/tickets/api-retriage-1/triage", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var retriaged = (await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
        Assert.True(retriaged.TriageMeta!.TriagedAt > created.TriageMeta!.TriagedAt);
        var read = (await Client.GetFromJsonAsync<TicketResponse>("/tickets/api-retriage-1", TicketSenseJson.Options))!;
        Assert.Equal(retriaged.TriageMeta.TriagedAt, read.TriageMeta!.TriagedAt);
    }

    [Fact]
    public async Task The_list_pages_filters_and_validates_its_query()
    {
        for (var i = 0; i < 3; i++) await api.PostAsync($"api-list-{i}", subject: $"Zebra question {i}");

        var page = (await Client.GetFromJsonAsync<TicketPage>("/tickets?q=zebra&limit=2&order=created_at", TicketSenseJson.Options))!;
        var bad = await Client.GetAsync("/tickets?limit=500&offset=-1&category=sales&order=name");

        Assert.Equal(3, page.Total);
        Assert.Equal(["api-list-2", "api-list-1"], page.Items.Select(t => t.Id));
        Assert.Equal(2, page.Limit);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["category", "limit", "offset", "order"], (await ProblemOf(bad)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_sample_returns_triaged_tickets_and_validates_size()
    {
        await api.PostAsync("api-sample-1");

        var sample = (await Client.GetFromJsonAsync<TicketResponse[]>("/overview/sample?size=50", TicketSenseJson.Options))!;

        Assert.NotEmpty(sample);
        Assert.All(sample, t => Assert.NotNull(t.Triage));
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/overview/sample?size=51")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/overview/sample?size=0")).StatusCode);
    }

    [Fact]
    public async Task Info_tells_the_mode_and_the_docs_are_served()
    {
        var info = await Client.GetFromJsonAsync<JsonElement>("/info");
        var openApi = await Client.GetStringAsync("/openapi/v1.json");

        Assert.Equal("local", info.GetProperty("mode").GetString());
        Assert.Equal("triage-v2", info.GetProperty("prompt_version").GetString());
        Assert.Contains("\"CreateTicket\"", openApi);
        Assert.Contains("Submit a ticket and triage it", openApi);
    }
}
