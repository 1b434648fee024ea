namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>
/// Fixed-capacity circular buffer: adding to a full buffer evicts the oldest item, so memory stays flat
/// under sustained load. Index 0 is the oldest item. Not thread-safe; the store serialises access.
/// </summary>
public sealed class BoundedBuffer<T>(int capacity) where T : class
{
    // Grows up to capacity instead of pre-allocating, so many small instruments stay cheap.
    private T[] _items = new T[Math.Min(capacity, 64)];
    private int _head;

    public int Capacity { get; } = capacity;

    public int Count { get; private set; }

    public T this[int index] => _items[(_head + index) % _items.Length];

    /// <summary>Adds an item and returns the evicted oldest item, if the buffer was full.</summary>
    public T? Add(T item)
    {
        if (Count < _items.Length)
        {
            _items[(_head + Count) % _items.Length] = item;
            Count++;
            return null;
        }

        if (_items.Length < Capacity)
        {
            Grow();
            _items[Count++] = item;
            return null;
        }

        var evicted = _items[_head];
        _items[_head] = item;
        _head = (_head + 1) % _items.Length;
        return evicted;
    }

    public void Clear()
    {
        _items = new T[Math.Min(Capacity, 64)];
        _head = 0;
        Count = 0;
    }

    public IEnumerable<T> NewestFirst()
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            yield return this[i];
        }
    }

    public IEnumerable<T> OldestFirst()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    private void Grow()
    {
        var grown = new T[Math.Min(Capacity, Math.Max(64, _items.Length * 2))];
        for (var i = 0; i < Count; i++)
        {
            grown[i] = this[i];
        }

        _items = grown;
        _head = 0;
    }
}
