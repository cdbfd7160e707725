using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketSense.Contracts;
using TicketSense.Core.Triage;

namespace TicketSense.Tests.Unit;

/// <summary>The mode is decided once, at registration, and decides whether an LLM client exists at all.</summary>
public sealed class TriageRegistrationTests
{
    // Built, never started: starting would load the local model, which these checks do not need.
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTicketSenseTriage();
        return builder.Build();
    }

    [Fact]
    public void Local_mode_needs_no_LLM_setting_and_has_no_LLM_client()
    {
        using var host = Build([]);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(TriageMode.Local, host.Services.GetRequiredService<ActiveTriageMode>().Mode);
        Assert.Null(host.Services.GetKeyedService<IChatClient>(TriageChatPipeline.ServiceKey));
        Assert.NotNull(host.Services.GetRequiredService<TriageModels>());
    }

    [Fact]
    public void Local_mode_chosen_explicitly_ignores_a_configured_key()
    {
        using var host = Build(new() { ["Triage:Mode"] = "local", ["Triage:ApiKey"] = "sk-unused" });

        Assert.Equal(TriageMode.Local, host.Services.GetRequiredService<ActiveTriageMode>().Mode);
        Assert.Null(host.Services.GetKeyedService<IChatClient>(TriageChatPipeline.ServiceKey));
    }

    [Fact]
    public void Auto_mode_with_a_key_registers_the_fallback_pipeline()
    {
        using var host = Build(new() { ["Triage:ApiKey"] = "sk-test" });

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.True(host.Services.GetRequiredService<ActiveTriageMode>().IsLlm);
        Assert.IsType<ModelFallbackChatClient>(host.Services.GetRequiredKeyedService<IChatClient>(TriageChatPipeline.ServiceKey));
        Assert.NotNull(host.Services.GetRequiredService<TriageModels>());
    }
}
