using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using TicketSense.Contracts;
using TicketSense.Core.Triage;

namespace TicketSense.Tests.Unit;

public sealed class ModelFallbackChatClientTests
{
    private const string Valid = """{"priority":"high","category":"technical","sentiment":"negative","summary":"The API returns 500 errors.","tags":["api-errors","outage"]}""";

    /// <summary>A fake model: answers with the scripted function and counts its calls.</summary>
    private sealed class ScriptedClient(Func<int, ChatResponse> answer) : IChatClient
    {
        public int Calls { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(answer(++Calls));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }

    private static ScriptedClient Answers(string text) => new(_ => new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));

    private static ScriptedClient Throws(Exception error) => new(_ => throw error);

    private static ModelFallbackChatClient Fallback(IChatClient primary, IChatClient fallback) => new(
        [new ModelTier(TriageSource.Primary, "big-model", primary), new ModelTier(TriageSource.Fallback, "small-model", fallback)],
        response => TriageAnswer.Read(response.Text) is { IsValid: false } refused ? string.Join("; ", refused.Errors) : null,
        NullLogger<ModelFallbackChatClient>.Instance);

    [Fact]
    public async Task A_valid_primary_answer_is_returned_and_the_fallback_is_never_asked()
    {
        var fallback = Answers(Valid);
        using var client = Fallback(Answers(Valid), fallback);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "ticket")]);

        Assert.Equal(TriageSource.Primary, ModelFallbackChatClient.SourceOf(response));
        Assert.Equal("big-model", response.ModelId);
        Assert.Equal(0, fallback.Calls);
    }

    [Fact]
    public async Task A_throwing_primary_moves_to_the_fallback()
    {
        var primary = Throws(new HttpRequestException("503 after retries"));
        var fallback = Answers(Valid);
        using var client = Fallback(primary, fallback);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "ticket")]);

        Assert.Equal(TriageSource.Fallback, ModelFallbackChatClient.SourceOf(response));
        Assert.Equal("small-model", response.ModelId);
        Assert.Equal(1, primary.Calls);
        Assert.Equal(1, fallback.Calls);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"priority":"super high","category":"technical","sentiment":"negative","summary":"x.","tags":["a-b","c-d"]}""")]
    [InlineData("""{"priority":"high","category":"technical","sentiment":"negative","summary":"x.","tags":["Not Kebab!","x"]}""")]
    public async Task A_refused_primary_answer_moves_to_the_fallback(string badAnswer)
    {
        using var client = Fallback(Answers(badAnswer), Answers(Valid));

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "ticket")]);

        Assert.Equal(TriageSource.Fallback, ModelFallbackChatClient.SourceOf(response));
    }

    [Fact]
    public async Task When_every_tier_fails_the_exception_says_what_each_did()
    {
        using var client = Fallback(Throws(new TimeoutException("attempt timed out")), Answers("""{"priority":"urgent"}"""));

        var error = await Assert.ThrowsAsync<ModelFallbackException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "ticket")]));

        Assert.Equal(2, error.InnerExceptions.Count);
        Assert.IsType<TimeoutException>(error.InnerExceptions[0]);
        var refused = Assert.IsType<RefusedAnswerException>(error.InnerExceptions[1]);
        Assert.Equal("small-model", refused.Model);
        Assert.Contains("attempt timed out", error.Message);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_a_reason_to_fall_back()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var fallback = Answers(Valid);
        using var client = Fallback(Answers(Valid), fallback);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "ticket")], cancellationToken: cancelled.Token));
        Assert.Equal(0, fallback.Calls);
    }

    [Fact]
    public async Task A_timeout_inside_a_tier_is_not_the_callers_cancellation()
    {
        // The resilience pipeline reports its own attempt/total timeouts as cancellations; with the caller's token
        // untouched they are a failure of that tier.
        using var client = Fallback(Throws(new TaskCanceledException("total timeout")), Answers(Valid));

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "ticket")]);

        Assert.Equal(TriageSource.Fallback, ModelFallbackChatClient.SourceOf(response));
    }
}
