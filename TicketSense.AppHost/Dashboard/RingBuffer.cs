namespace TicketSense.AppHost.Dashboard;

/// <summary>A thread-safe buffer of the last <c>capacity</c> items: adding past the cap drops the oldest.</summary>
public sealed class RingBuffer<T>
{
    private readonly T[] _items;
    private int _next;
    private int _count;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    /// <summary>How many items were dropped to make room, since the start.</summary>
    public long Dropped { get; private set; }

    public void Add(T item)
    {
        lock (_items)
        {
            if (_count == _items.Length) Dropped++;
            else _count++;
            _items[_next] = item;
            _next = (_next + 1) % _items.Length;
        }
    }

    public void AddRange(IEnumerable<T> items)
    {
        foreach (var item in items) Add(item);
    }

    /// <summary>A copy of the items held, oldest first.</summary>
    public T[] Snapshot()
    {
        lock (_items)
        {
            var copy = new T[_count];
            var start = (_next - _count + _items.Length) % _items.Length;
            for (var i = 0; i < _count; i++) copy[i] = _items[(start + i) % _items.Length];
            return copy;
        }
    }
}
