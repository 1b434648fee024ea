using AspireMicro.Dashboard.Telemetry.Model;

namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>Log records in arrival order, bounded. Callers hold the store lock.</summary>
public sealed class LogStore(int capacity)
{
    private readonly BoundedBuffer<LogEntry> _logs = new(capacity);

    public int Count => _logs.Count;

    public void Add(LogEntry entry) => _logs.Add(entry);

    public IEnumerable<LogEntry> NewestFirst() => _logs.NewestFirst();

    public IEnumerable<LogEntry> OldestFirst() => _logs.OldestFirst();

    public void Clear() => _logs.Clear();
}
