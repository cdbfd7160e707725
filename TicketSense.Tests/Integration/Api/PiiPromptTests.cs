using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Triage.Local;
using TicketSense.Testing.FakeLlm;

namespace TicketSense.Tests.Integration.Api;

/// <summary>
/// A ticket's personal identifiers never reach the LLM (Triage:RedactPii), over real Postgres and Redis with the LLM
/// double: the prompt carries placeholders, the stored ticket its original text, the summary neither.
/// </summary>
public sealed partial class PiiPromptTests
{
    private const string PrimaryModel = "primary-model";
    private const string Email = "john.doe+billing@example.co.uk";
    private const string Sender = Email;
    private const string Subject = "Card 4111 1111 1111 1111 charged twice, call +44 20 7946 0958";
    private const string Body =
        "Hi, we were charged twice on card 4111-1111-1111-1111 and once on 5500 0000 0000 0004. Please refund to IBAN "
        + "DE89 3704 0044 0532 0130 00 (DE89370400440532013000). Call me on (555) 123-4567 or +44 20 7946 0958, or write "
        + "to john.doe+billing@example.co.uk. Invoice INV-2024-0042 of 2026-03-04 for $1,299.00.";

    // Each identifier's digits, so a prompt that kept one with other separators (or JSON escapes around it) still fails.
    private static readonly string[] IdentifierDigits = ["4111111111111111", "5500000000000004", "370400440532013000", "442079460958", "5551234567"];

    [Fact]
    public async Task The_prompt_carries_placeholders_and_the_stored_ticket_and_summary_stay_as_they_should()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        // A model that echoes identifiers anyway (as one shown them would): the stored summary must not keep them.
        llm.SetDefault(PrimaryModel, LlmReply.Valid(LlmReply.DefaultTriage with
        {
            Summary = $"The customer {Email} was charged twice on card 4111 1111 1111 1111 and asks for a refund.",
        }));
        await using var api = await StartApiAsync(storage, llm, redactPii: null);
        using var client = api.CreateClient();

        var created = await PostTicketAsync(client, "pii-1");

        var request = Assert.Single(llm.RequestsFor(PrimaryModel));
        var ticket = TicketInPrompt(request);
        foreach (var text in new[] { request.Body.GetRawText(), request.Text, ticket.Sender + ticket.Subject + ticket.Body })
        {
            Assert.DoesNotContain("john.doe", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("example.co.uk", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DE89", text);
            var digits = Separators().Replace(text, "");
            foreach (var identifier in IdentifierDigits) Assert.DoesNotContain(identifier, digits);
        }
        Assert.Equal("[email-1]", ticket.Sender);
        Assert.Equal("Card [card-1] charged twice, call [phone-1]", ticket.Subject);
        Assert.Equal(
            "Hi, we were charged twice on card [card-1] and once on [card-2]. Please refund to IBAN [iban-1] ([iban-1]). "
            + "Call me on [phone-2] or [phone-1], or write to [email-1]. Invoice INV-2024-0042 of 2026-03-04 for $1,299.00.",
            ticket.Body);
        Assert.Contains("[email-1]", request.Messages[0].Text);

        var stored = (await client.GetFromJsonAsync<TicketResponse>("/tickets/pii-1", TicketSenseJson.Options))!;
        Assert.Equal((Sender, Subject, Body), (stored.Sender, stored.Subject, stored.Body));
        foreach (var summary in new[] { created.Triage!.Summary, stored.Triage!.Summary })
        {
            Assert.Equal("The customer [email-1] was charged twice on card [card-1] and asks for a refund.", summary);
        }
    }

    [Fact]
    public async Task With_RedactPii_off_the_prompt_carries_the_original_text()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.SetDefault(PrimaryModel, LlmReply.Valid());
        await using var api = await StartApiAsync(storage, llm, redactPii: "false");
        using var client = api.CreateClient();

        await PostTicketAsync(client, "pii-2");

        var ticket = TicketInPrompt(Assert.Single(llm.RequestsFor(PrimaryModel)));
        Assert.Equal((Sender, Subject, Body), (ticket.Sender, ticket.Subject, ticket.Body));
    }

    private static async Task<ApiFactory> StartApiAsync(StorageFixture storage, FakeLlmServer llm, string? redactPii)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Triage:Mode"] = "llm",
            ["Triage:ApiKey"] = "sk-test-pii",
            ["Triage:Endpoint"] = llm.BaseUrl.ToString(),
            ["Triage:PrimaryModel"] = PrimaryModel,
            ["Triage:FallbackModel"] = "fallback-model",
        };
        // Unset means the default (on).
        if (redactPii is not null) settings["Triage:RedactPii"] = redactPii;
        var api = new ApiFactory(storage, settings);
        api.CreateClient().Dispose();
        await api.WaitUntilMigratedAsync();
        await api.Services.GetRequiredService<LocalTriageModelProvider>().GetAsync(CancellationToken.None);
        return api;
    }

    private static async Task<TicketResponse> PostTicketAsync(HttpClient client, string id)
    {
        var response = await client.PostAsJsonAsync("/tickets", new { id, sender = Sender, subject = Subject, body = Body, received_at = "2026-03-04T09:15:00Z" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
    }

    /// <summary>The ticket as the prompt's user message gave it: the JSON object after its instruction line.</summary>
    private static (string Sender, string Subject, string Body) TicketInPrompt(RecordedRequest request)
    {
        var user = request.Messages.Single(m => m.Role == "user").Text;
        using var json = JsonDocument.Parse(user[user.IndexOf('{')..]);
        string Field(string name) => json.RootElement.GetProperty(name).GetString()!;
        return (Field("sender"), Field("subject"), Field("body"));
    }

    [GeneratedRegex(@"[\s().+-]")]
    private static partial Regex Separators();
}
