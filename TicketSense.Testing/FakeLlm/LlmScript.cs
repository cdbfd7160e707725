namespace TicketSense.Testing.FakeLlm;

/// <summary>
/// Which reply each model gives next: its queue in order, then its own default, then the global default. One lock
/// keeps concurrent requests from taking the same queued reply twice.
/// </summary>
internal sealed class LlmScript
{
    private static readonly LlmReply InitialDefault = LlmReply.Valid();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<LlmReply>> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LlmReply> _defaults = new(StringComparer.Ordinal);
    private LlmReply _globalDefault = InitialDefault;

    public void Enqueue(string model, IEnumerable<LlmReply> replies)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(model, out var queue)) _queues[model] = queue = new Queue<LlmReply>();
            foreach (var reply in replies) queue.Enqueue(reply);
        }
    }

    public void SetDefault(string model, LlmReply reply)
    {
        lock (_gate) _defaults[model] = reply;
    }

    public void SetDefault(LlmReply reply)
    {
        lock (_gate) _globalDefault = reply;
    }

    public int Remaining(string model)
    {
        lock (_gate) return _queues.TryGetValue(model, out var queue) ? queue.Count : 0;
    }

    public LlmReply Next(string model)
    {
        lock (_gate)
        {
            if (_queues.TryGetValue(model, out var queue) && queue.TryDequeue(out var queued)) return queued;
            return _defaults.GetValueOrDefault(model) ?? _globalDefault;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _queues.Clear();
            _defaults.Clear();
            _globalDefault = InitialDefault;
        }
    }
}
