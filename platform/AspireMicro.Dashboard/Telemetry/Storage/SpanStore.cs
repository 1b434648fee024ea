using AspireMicro.Dashboard.Telemetry.Model;

namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>Spans in arrival order (bounded) plus an index by trace id. Callers hold the store lock.</summary>
public sealed class SpanStore(int capacity)
{
    private readonly BoundedBuffer<SpanRecord> _spans = new(capacity);
    private readonly Dictionary<string, TraceEntry> _traces = new(StringComparer.Ordinal);

    public int Count => _spans.Count;

    public int TraceCount => _traces.Count;

    public IEnumerable<TraceEntry> Traces => _traces.Values;

    public IEnumerable<SpanRecord> OldestFirst() => _spans.OldestFirst();

    public TraceEntry? Find(string traceId) => _traces.GetValueOrDefault(traceId);

    public void Add(SpanRecord span)
    {
        var evicted = _spans.Add(span);
        if (evicted is not null && _traces.TryGetValue(evicted.TraceId, out var old))
        {
            old.Remove(evicted);
            if (old.Spans.Count == 0)
            {
                _traces.Remove(old.TraceId);
            }
        }

        if (!_traces.TryGetValue(span.TraceId, out var trace))
        {
            trace = new TraceEntry(span.TraceId);
            _traces.Add(span.TraceId, trace);
        }

        trace.Add(span);
    }

    public void Clear()
    {
        _spans.Clear();
        _traces.Clear();
    }
}
