using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

/// <summary><c>GET /overview/trends</c> over real Postgres and Redis: the counts per bucket, the empty buckets, the alignment, the 400s.</summary>
public sealed class TrendsApiTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string ReadKey = "trends-key-0123456789abcdef";

    /// <summary>Triaged tickets (labels set by a reviewer) at chosen instants; 2026-03-02 and 2026-03-09 are Mondays.</summary>
    private static readonly (string Id, string ReceivedAt, string Priority, string Category, string Sentiment)[] Triaged =
    [
        ("tr-a", "2026-03-02T00:00:00Z", "critical", "billing", "angry"),
        ("tr-b", "2026-03-02T23:59:59.999Z", "low", "technical", "neutral"),
        ("tr-d", "2026-03-04T10:45:00+01:00", "high", "general", "positive"), // 09:45Z
        ("tr-e", "2026-03-08T23:59:59Z", "critical", "feature_request", "negative"),
        ("tr-f", "2026-03-09T00:00:00Z", "medium", "complaint", "angry"),
        ("tr-g", "2026-03-01T23:59:59Z", "low", "billing", "neutral"),
        ("tr-h", "2026-03-10T00:00:00Z", "low", "billing", "positive"),
    ];

    public async Task InitializeAsync()
    {
        if ((await api.Client.GetAsync("/tickets/tr-a")).StatusCode == HttpStatusCode.OK) return;
        foreach (var (id, receivedAt, priority, category, sentiment) in Triaged)
        {
            var ticket = new { id, sender = "ops@example.com", subject = "Trend ticket", body = "Counted by received_at.", received_at = receivedAt };
            (await api.Client.PostAsJsonAsync("/tickets", ticket)).EnsureSuccessStatusCode();
            (await api.Client.PatchAsJsonAsync($"/tickets/{id}/triage", new { priority, category, sentiment, reviewer = "Trend Test" })).EnsureSuccessStatusCode();
        }
        // Pending (no triage record): counted in total, in no map.
        await AddPendingAsync("tr-c", new DateTimeOffset(2026, 3, 4, 9, 15, 0, TimeSpan.Zero));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Day_buckets_count_each_day_exactly_with_zero_points_for_empty_days_and_to_exclusive()
    {
        var trends = await GetAsync("/overview/trends?from=2026-03-02T00:00:00Z&to=2026-03-10T00:00:00Z&bucket=day");

        Assert.Equal(TrendBucket.Day, trends.Bucket);
        Assert.Equal(Enumerable.Range(0, 8).Select(d => Utc(2026, 3, 2).AddDays(d)), trends.Points.Select(p => p.Start));
        Assert.Equal([2, 0, 2, 0, 0, 0, 1, 1], trends.Points.Select(p => p.Total));
        AssertLabels(trends.Points[0], ["critical", "low"], ["billing", "technical"], ["angry", "neutral"]);
        AssertLabels(trends.Points[1], [], [], []);
        AssertLabels(trends.Points[2], ["high"], ["general"], ["positive"]); // tr-c is pending: in total only
        AssertLabels(trends.Points[6], ["critical"], ["feature_request"], ["negative"]);
        AssertLabels(trends.Points[7], ["medium"], ["complaint"], ["angry"]);
    }

    [Fact]
    public async Task The_wire_has_every_label_as_a_key_and_instants_in_utc_with_Z()
    {
        var json = await api.Client.GetFromJsonAsync<JsonElement>("/overview/trends?from=2026-03-03T00:00:00%2B01:00&to=2026-03-04T00:00:00Z");

        Assert.Equal("day", json.GetProperty("bucket").GetString());
        Assert.Equal("2026-03-02T00:00:00Z", json.GetProperty("from").GetString()); // 2026-03-02T23:00Z, floored
        Assert.Equal("2026-03-04T00:00:00Z", json.GetProperty("to").GetString());
        var points = json.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"], points.Select(p => p.GetProperty("start").GetString()));
        foreach (var point in points)
        {
            Assert.Equal(WireNames.All<Priority>(), Keys(point, "by_priority"));
            Assert.Equal(WireNames.All<Category>(), Keys(point, "by_category"));
            Assert.Equal(WireNames.All<Sentiment>(), Keys(point, "by_sentiment"));
        }
        Assert.Equal(0, points[1].GetProperty("by_category").GetProperty("feature_request").GetInt32());
    }

    [Fact]
    public async Task Week_buckets_start_on_Mondays_at_midnight_utc_and_from_is_floored_to_its_week()
    {
        var trends = await GetAsync("/overview/trends?from=2026-02-25T12:00:00Z&to=2026-03-16T00:00:00Z&bucket=week");

        Assert.Equal(Utc(2026, 2, 23), trends.From);
        Assert.Equal([Utc(2026, 2, 23), Utc(2026, 3, 2), Utc(2026, 3, 9)], trends.Points.Select(p => p.Start));
        Assert.All(trends.Points, p => Assert.Equal((DayOfWeek.Monday, TimeSpan.Zero, DateTimeKind.Utc), (p.Start.DayOfWeek, p.Start.TimeOfDay, p.Start.Kind)));
        Assert.Equal([1, 5, 2], trends.Points.Select(p => p.Total));
        Assert.Equal(2, trends.Points[1].ByPriority[Priority.Critical]);
        Assert.Equal(4, trends.Points[1].ByPriority.Values.Sum()); // five received, one pending
        Assert.Equal(1, trends.Points[2].BySentiment[Sentiment.Angry]);
    }

    [Fact]
    public async Task Hour_buckets_count_each_hour_and_the_last_one_ends_at_to()
    {
        var hours = await GetAsync("/overview/trends?from=2026-03-04T08:30:00Z&to=2026-03-04T11:00:00Z&bucket=hour");
        var cut = await GetAsync("/overview/trends?from=2026-03-04T09:00:00Z&to=2026-03-04T09:30:00Z&bucket=hour");

        Assert.Equal(Utc(2026, 3, 4, 8), hours.From);
        Assert.Equal([Utc(2026, 3, 4, 8), Utc(2026, 3, 4, 9), Utc(2026, 3, 4, 10)], hours.Points.Select(p => p.Start));
        Assert.Equal([0, 2, 0], hours.Points.Select(p => p.Total));
        AssertLabels(hours.Points[1], ["high"], ["general"], ["positive"]);
        Assert.Equal(1, Assert.Single(cut.Points).Total); // tr-c at 09:15 only: tr-d at 09:45 is past to
    }

    [Fact]
    public async Task Without_parameters_it_is_the_last_30_days_by_day_up_to_the_next_whole_minute()
    {
        var before = DateTime.UtcNow;
        var trends = await GetAsync("/overview/trends");

        Assert.Equal(TrendBucket.Day, trends.Bucket);
        Assert.Equal(0, trends.To.Ticks % TimeSpan.TicksPerMinute);
        Assert.InRange(trends.To, before, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(trends.To.AddDays(-30).Date, trends.From);
        Assert.Equal((int)Math.Ceiling((trends.To - trends.From).TotalDays), trends.Points.Count);
        Assert.All(trends.Points, p => Assert.Equal(0, p.Total));
    }

    [Fact]
    public async Task A_thousand_buckets_are_served_and_one_more_is_a_400()
    {
        var thousand = await GetAsync("/overview/trends?from=2026-01-01T00:00:00Z&to=2026-02-11T16:00:00Z&bucket=hour");
        using var more = await api.Client.GetAsync("/overview/trends?from=2026-01-01T00:00:00Z&to=2026-02-11T16:00:01Z&bucket=hour");

        Assert.Equal(1000, thousand.Points.Count);
        Assert.Equal(Utc(2026, 2, 11, 15), thousand.Points[^1].Start);
        Assert.Equal(HttpStatusCode.BadRequest, more.StatusCode);
        Assert.Contains("1001", string.Join(" ", (await ErrorsAsync(more))["bucket"]));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-03-04T00:00:00", "from")] // no offset: whose midnight?
    [InlineData("to=2026-03-04", "to")]
    [InlineData("from=2026-03-05T00:00:00Z&to=2026-03-04T00:00:00Z", "from")]
    [InlineData("from=2026-03-04T10:00:00Z&to=2026-03-04T10:00:00Z&bucket=hour", "from")]
    [InlineData("bucket=month", "bucket")]
    [InlineData("bucket=Day", "bucket")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&bucket=hour", "bucket")]
    [InlineData("from=0001-01-01T00:00:00Z&bucket=week", "from")]
    [InlineData("to=9999-12-31T23:59:59Z", "to")]
    public async Task A_bad_query_is_a_400_problem_naming_the_field(string query, string field)
    {
        using var response = await api.Client.GetAsync("/overview/trends?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = await ErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.All(errors[field], reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        using var response = await api.Client.GetAsync("/overview/trends?from=x&to=y&bucket=z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["bucket", "from", "to"], (await ErrorsAsync(response)).Keys.Order());
    }

    [Fact]
    public async Task Trends_are_cached_briefly_then_recomputed()
    {
        const string path = "/overview/trends?from=2026-04-01T00:00:00Z&to=2026-04-03T00:00:00Z";
        Assert.Equal(0, (await GetAsync(path)).Points.Sum(p => p.Total));

        await AddPendingAsync("tr-cached", new DateTimeOffset(2026, 4, 2, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, (await GetAsync(path)).Points.Sum(p => p.Total)); // the same window: from the cache
        Assert.Equal(0, (await GetAsync(path.Replace("T00:00:00Z&", "T07:00:00Z&"))).Points.Sum(p => p.Total)); // floored to the same window
        await Poll.UntilAsync(async () => (await GetAsync(path)).Points.Sum(p => p.Total) == 1, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task With_keys_for_reads_trends_need_a_key_like_the_overview()
    {
        await using var strict = new ApiFactory(api.Storage, new Dictionary<string, string?> { ["Api:Keys:ops"] = ReadKey, ["Api:RequireKeyForReads"] = "true" });
        using var client = strict.CreateClient();

        using var anonymous = await client.GetAsync("/overview/trends");
        using var keyed = new HttpRequestMessage(HttpMethod.Get, "/overview/trends");
        keyed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(keyed)).StatusCode);
    }

    private async Task<TrendsResponse> GetAsync(string path)
    {
        using var response = await api.Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TrendsResponse>(TicketSenseJson.Options))!;
    }

    private async Task AddPendingAsync(string id, DateTimeOffset receivedAt)
    {
        await using var scope = api.Storage.Scope();
        await scope.ServiceProvider.GetRequiredService<TicketRepository>().AddAsync(new Ticket
        {
            Id = id, Sender = "pending@example.com", Subject = "Pending", Body = "Not triaged yet.", ReceivedAt = receivedAt,
        }, CancellationToken.None);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;

    private static IEnumerable<string> Keys(JsonElement point, string map) => point.GetProperty(map).EnumerateObject().Select(p => p.Name);

    /// <summary>Each named label counts 1, every other label 0 (and every label is a key).</summary>
    private static void AssertLabels(TrendPoint point, string[] priorities, string[] categories, string[] sentiments)
    {
        Assert.Equal(Expected<Priority>(priorities), point.ByPriority);
        Assert.Equal(Expected<Category>(categories), point.ByCategory);
        Assert.Equal(Expected<Sentiment>(sentiments), point.BySentiment);
    }

    private static Dictionary<TEnum, int> Expected<TEnum>(string[] ones) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(v => v, v => ones.Contains(WireNames.Of(v)) ? 1 : 0);

    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);
}
