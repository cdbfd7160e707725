using System.CommandLine;
using TicketSense.Worker.Commands;

namespace TicketSense.Tests.Unit;

/// <summary>The worker's command line: help, usage errors and cancellation; nothing here reaches storage.</summary>
public sealed class WorkerCommandLineTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        using StringWriter output = new(), error = new();
        var exitCode = await WorkerCommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_lists_every_command_and_how_to_pass_settings()
    {
        var (exitCode, output, _) = await RunAsync(["--help"]);

        Assert.Equal(0, exitCode);
        Assert.All(new[] { "seed", "triage-all", "refresh-overview", "eval" }, verb => Assert.Contains($"  {verb} ", output));
        Assert.Contains("--Worker:Concurrency 4", output);
    }

    [Theory]
    [InlineData("seed", "<path>")]
    [InlineData("triage-all", "--force")]
    [InlineData("refresh-overview", "triage:overview")]
    [InlineData("eval", "--set <eval|holdout|seed>")]
    public async Task Each_command_has_its_help(string verb, string expected)
    {
        var (exitCode, output, _) = await RunAsync([verb, "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Usage:\n  {new RootCommand().Name} {verb}", output.ReplaceLineEndings("\n"));
        Assert.Contains(expected, output);
    }

    [Theory]
    [InlineData("frobnicate", "frobnicate")]
    [InlineData("--frobnicate", "--frobnicate")]
    [InlineData("triage-all --forse", "--forse")]
    [InlineData("refresh-overview now", "now")]
    [InlineData("eval --set nonsense", "nonsense")]
    [InlineData("seed --bogus", "--bogus")]
    public async Task A_usage_error_exits_2_naming_what_is_wrong(string commandLine, string named)
    {
        var (exitCode, _, error) = await RunAsync(commandLine.Split(' '));

        Assert.Equal(WorkerCommandLine.UsageErrorExitCode, exitCode);
        Assert.Contains($"'{named}'", error);
    }

    [Fact]
    public void Configuration_settings_are_split_off_before_or_after_the_command()
    {
        var (commandLine, settings) = HostSettings.Split(["--Worker:Concurrency", "4", "triage-all", "--force", "--Triage:Mode=local"]);

        Assert.Equal(["triage-all", "--force"], commandLine);
        Assert.Equal(["--Worker:Concurrency", "4", "--Triage:Mode=local"], settings);
    }

    [Fact]
    public async Task A_cancelled_command_says_so_and_exits_130()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var (exitCode, _, error) = await RunAsync(["eval"], cancel.Token);

        Assert.Equal(CancellableAction.CancelledExitCode, exitCode);
        Assert.Contains("eval: cancelled.", error);
    }

    [Fact]
    public async Task Hash_password_prints_a_hash_the_dashboard_verifies_and_never_the_password()
    {
        const string password = "correct horse battery";
        var input = Console.In;
        Console.SetIn(new StringReader(password + "\n"));
        try
        {
            var (exitCode, output, error) = await RunAsync(["hash-password", "--name", "dana"]);

            Assert.Equal(0, exitCode);
            var hash = output.Trim();
            Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success,
                new Microsoft.AspNetCore.Identity.PasswordHasher<string>().VerifyHashedPassword("dana", hash, password));
            Assert.DoesNotContain(password, output + error);
            Assert.Contains("Web__Users__dana", error);
        }
        finally
        {
            Console.SetIn(input);
        }
    }

    [Fact]
    public async Task Hash_password_refuses_a_short_password()
    {
        var input = Console.In;
        Console.SetIn(new StringReader("short\n"));
        try
        {
            var (exitCode, output, error) = await RunAsync(["hash-password"]);

            Assert.Equal((1, ""), (exitCode, output));
            Assert.Contains("at least 8 characters", error);
        }
        finally
        {
            Console.SetIn(input);
        }
    }
}
