using AspireMicro.Dashboard.Telemetry.Model;

namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>All stored spans of one trace, with aggregates kept current so trace lists need no span scans.</summary>
public sealed class TraceEntry(string traceId)
{
    private readonly Dictionary<string, int> _spansPerService = new(StringComparer.Ordinal);

    public string TraceId { get; } = traceId;

    public List<SpanRecord> Spans { get; } = [];

    public long StartTimeUnixNano { get; private set; } = long.MaxValue;

    public long EndTimeUnixNano { get; private set; }

    public int ErrorCount { get; private set; }

    public IEnumerable<string> Services => _spansPerService.Keys;

    public bool Touches(string service) => _spansPerService.ContainsKey(service);

    public void Add(SpanRecord span)
    {
        Spans.Add(span);
        StartTimeUnixNano = Math.Min(StartTimeUnixNano, span.StartTimeUnixNano);
        EndTimeUnixNano = Math.Max(EndTimeUnixNano, span.EndTimeUnixNano);
        ErrorCount += span.IsError ? 1 : 0;
        _spansPerService[span.Service] = _spansPerService.GetValueOrDefault(span.Service) + 1;
    }

    public void Remove(SpanRecord span)
    {
        if (!Spans.Remove(span))
        {
            return;
        }

        ErrorCount -= span.IsError ? 1 : 0;
        var left = _spansPerService[span.Service] - 1;
        if (left == 0)
        {
            _spansPerService.Remove(span.Service);
        }
        else
        {
            _spansPerService[span.Service] = left;
        }

        // Evicted spans are the oldest, so the window usually only shrinks; recompute to stay exact.
        StartTimeUnixNano = Spans.Count == 0 ? long.MaxValue : Spans.Min(s => s.StartTimeUnixNano);
        EndTimeUnixNano = Spans.Count == 0 ? 0 : Spans.Max(s => s.EndTimeUnixNano);
    }

    /// <summary>The span without a stored parent, earliest first; traces whose root was evicted still get one.</summary>
    public SpanRecord? Root()
    {
        var ids = Spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        SpanRecord? best = null;
        foreach (var span in Spans)
        {
            var isRoot = span.ParentSpanId is null || !ids.Contains(span.ParentSpanId);
            if (isRoot && (best is null || span.StartTimeUnixNano < best.StartTimeUnixNano))
            {
                best = span;
            }
        }

        return best;
    }
}
