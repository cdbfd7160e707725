using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketSense.Api;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;
using TicketSense.Core.Triage.Local;
using TicketSense.Worker;
using TicketSense.Worker.Seeding;

namespace TicketSense.Tests.Unit;

/// <summary>Every options class: its defaults pass, and a bad value fails with the setting's name (not clamped).</summary>
public sealed class OptionsValidationTests
{
    private static string Failures<T>(IValidateOptions<T> validator, T options) where T : class =>
        string.Join("\n", validator.Validate(null, options).Failures ?? []);

    [Fact]
    public void The_defaults_pass()
    {
        Assert.Empty(Failures(new WorkerOptionsValidator(), new WorkerOptions()));
        Assert.Empty(Failures(new SeedOptionsValidator(), new SeedOptions()));
        Assert.Empty(Failures(new ApiOptionsValidator(), new ApiOptions()));
        Assert.Empty(Failures(new DataOptionsValidator(), new DataOptions()));
        Assert.Empty(Failures(new LocalTriageModelOptionsValidator(), new LocalTriageModelOptions()));
        Assert.Empty(Failures(new TriageOptionsValidator(), new TriageOptions()));
    }

    [Theory]
    [InlineData(0, 30, 300, "Worker:Concurrency")]
    [InlineData(65, 30, 300, "Worker:Concurrency")]
    [InlineData(4, 0, 300, "Worker:SweepSeconds")]
    [InlineData(4, 30, -1, "Worker:LeaseSeconds")]
    public void A_worker_setting_out_of_range_is_named(int concurrency, int sweepSeconds, int leaseSeconds, string setting)
    {
        var options = new WorkerOptions { Concurrency = concurrency, SweepSeconds = sweepSeconds, LeaseSeconds = leaseSeconds };

        Assert.StartsWith(setting, Failures(new WorkerOptionsValidator(), options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ApiOptionsValidator.MaxRequestBytes + 1)]
    public void A_request_limit_out_of_range_is_named(long bytes)
    {
        Assert.StartsWith("Api:MaxRequestBytes", Failures(new ApiOptionsValidator(), new ApiOptions { MaxRequestBytes = bytes }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ApiOptionsValidator.MaxHeartbeatSeconds + 1)]
    public void A_heartbeat_interval_out_of_range_is_named(int seconds)
    {
        Assert.StartsWith("Api:HeartbeatSeconds", Failures(new ApiOptionsValidator(), new ApiOptions { HeartbeatSeconds = seconds }));
    }

    [Theory]
    [InlineData(0.0, null, "Api:RateLimit:PermitsPerSecond")]
    [InlineData(-1.0, null, "Api:RateLimit:PermitsPerSecond")]
    [InlineData(ApiOptionsValidator.MaxPermitsPerSecond + 1, null, "Api:RateLimit:PermitsPerSecond")]
    [InlineData(1.0, 0, "Api:RateLimit:Burst")]
    public void A_rate_limit_out_of_range_is_named(double permitsPerSecond, int? burst, string setting)
    {
        var options = new ApiOptions { RateLimit = { PermitsPerSecond = permitsPerSecond, Burst = burst } };
        Assert.StartsWith(setting, Failures(new ApiOptionsValidator(), options));
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(2.5, 3)]
    [InlineData(10.0, 10)]
    public void The_burst_defaults_to_a_seconds_worth_of_permits_rounded_up(double permitsPerSecond, int bucketSize)
    {
        Assert.Equal(bucketSize, new ApiOptions { RateLimit = { PermitsPerSecond = permitsPerSecond } }.RateLimit.BucketSize);
    }

    [Fact]
    public void Paths_must_exist_where_they_are_read_and_each_failure_is_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"ticketsense-missing-{Guid.NewGuid():N}");
        var file = Path.GetTempFileName();
        try
        {
            Assert.StartsWith("Data:Path", Failures(new DataOptionsValidator(), new DataOptions { Path = missing }));
            Assert.StartsWith("Seed:Path", Failures(new SeedOptionsValidator(), new SeedOptions { Path = missing }));
            Assert.StartsWith("Triage:LocalModelCache", Failures(new LocalTriageModelOptionsValidator(), new LocalTriageModelOptions { LocalModelCache = file }));

            // What is accepted: a seed file or folder, and a cache folder not made yet (the first save creates it).
            Assert.Empty(Failures(new SeedOptionsValidator(), new SeedOptions { Path = DataPath.Resolve(null) }));
            Assert.Empty(Failures(new SeedOptionsValidator(), new SeedOptions { Path = file }));
            Assert.Empty(Failures(new LocalTriageModelOptionsValidator(), new LocalTriageModelOptions { LocalModelCache = missing }));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("Worker:Concurrency", "0")]
    [InlineData("Worker:SweepSeconds", "0")]
    [InlineData("Seed:Path", "/nonexistent/seed")]
    [InlineData("Data:Path", "/nonexistent/data")]
    public void A_bad_value_fails_the_start_with_its_name(string setting, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value });
        builder.AddTicketSenseTriage();
        builder.AddTicketSenseWorkerOptions();
        using var host = builder.Build();

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(setting, failure.Message);
    }
}
