using AspireMicro.Dashboard.Telemetry;
using AspireMicro.Dashboard.Telemetry.Storage;

namespace AspireMicro.Dashboard.Telemetry.Queries;

/// <summary>Trace list filtering and paging over the trace index (never over raw spans unless searching).</summary>
public static class TraceQueries
{
    public static Page<TraceSummary> List(SpanStore spans, TraceQuery query)
    {
        IEnumerable<TraceEntry> traces = spans.Traces;
        if (!string.IsNullOrEmpty(query.Service))
        {
            traces = traces.Where(t => t.Touches(query.Service));
        }

        if (query.ErrorsOnly)
        {
            traces = traces.Where(t => t.ErrorCount > 0);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            traces = traces.Where(t => t.TraceId.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                || t.Spans.Exists(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase)));
        }

        var matching = traces.ToList();
        matching.Sort((a, b) => b.StartTimeUnixNano.CompareTo(a.StartTimeUnixNano));
        var items = matching.Skip(query.Skip).Take(query.Take).Select(Summarize).ToList();
        return new Page<TraceSummary>(matching.Count, items);
    }

    public static TraceSummary Summarize(TraceEntry trace)
    {
        var root = trace.Root();
        return new TraceSummary(
            trace.TraceId,
            root?.Name ?? "",
            root?.Service ?? "",
            TimeConversion.FromUnixNano(trace.StartTimeUnixNano),
            (trace.EndTimeUnixNano - trace.StartTimeUnixNano) / 1_000_000.0,
            trace.Spans.Count,
            trace.Services.Order(StringComparer.Ordinal).ToList(),
            trace.ErrorCount);
    }
}
