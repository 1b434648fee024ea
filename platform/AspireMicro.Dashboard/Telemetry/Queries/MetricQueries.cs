using AspireMicro.Dashboard.Telemetry.Model;
using AspireMicro.Dashboard.Telemetry.Storage;

namespace AspireMicro.Dashboard.Telemetry.Queries;

/// <summary>Turns stored points into chart lines; histograms become p50/p90/p99 lines.</summary>
public static class MetricQueries
{
    private static readonly (string Name, double Quantile)[] Percentiles = [("p50", 0.5), ("p90", 0.9), ("p99", 0.99)];

    public static IReadOnlyList<InstrumentSummary> Instruments(MetricStore store, string? service) =>
        store.Instruments
            .Where(i => string.IsNullOrEmpty(service) || i.Service == service)
            .GroupBy(i => (i.Service, i.Name))
            .Select(g => Describe(g.First()))
            .OrderBy(i => i.Service, StringComparer.Ordinal)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();

    public static MetricChart? Chart(MetricStore store, string service, string instrument, long sinceUnixNano, string? seriesKey)
    {
        var entries = store.Instruments.Where(i => i.Service == service && i.Name == instrument).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var multipleInstances = entries.Select(e => e.Instance).Distinct().Count() > 1;
        var points = entries
            .SelectMany(e => e.Points.OldestFirst())
            .Where(p => p.TimeUnixNano >= sinceUnixNano)
            .Select(p => (Label: Label(p, multipleInstances), Point: p))
            .ToList();
        var seriesKeys = points.Select(p => p.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!string.IsNullOrEmpty(seriesKey))
        {
            points = points.Where(p => p.Label == seriesKey).ToList();
        }

        var series = entries[0].Type == MetricType.Histogram
            ? HistogramSeries(points)
            : points.GroupBy(p => p.Label)
                .Select(g => new ChartSeries(g.Key, g.OrderBy(p => p.Point.TimeUnixNano)
                    .Select(p => new[] { TimeConversion.ToUnixMilliseconds(p.Point.TimeUnixNano), p.Point.Value ?? 0 })
                    .ToList()))
                .ToList();
        return new MetricChart(Describe(entries[0]), seriesKeys, series);
    }

    private static string Label(MetricPoint point, bool withInstance)
    {
        var key = point.SeriesKey;
        if (!withInstance)
        {
            return key;
        }

        return key.Length == 0 ? point.Instance : $"{point.Instance}: {key}";
    }

    private static InstrumentSummary Describe(InstrumentEntry e) =>
        new(e.Service, e.Name, e.Meter, e.Type, e.Unit, e.Description);

    /// <summary>
    /// Cumulative histograms are turned into per-interval deltas (so the lines show recent latency, not the
    /// all-time distribution), then merged across series per second.
    /// </summary>
    private static List<ChartSeries> HistogramSeries(List<(string Label, MetricPoint Point)> points)
    {
        var bins = new SortedDictionary<long, (IReadOnlyList<double> Bounds, long[] Counts)>();
        foreach (var group in points.GroupBy(p => p.Label))
        {
            MetricPoint? previous = null;
            foreach (var (_, point) in group.OrderBy(p => p.Point.TimeUnixNano))
            {
                var counts = Delta(previous, point);
                previous = point;
                if (counts is null || counts.Sum() == 0)
                {
                    continue;
                }

                var second = point.TimeUnixNano / 1_000_000_000;
                if (bins.TryGetValue(second, out var bin) && bin.Counts.Length == counts.Length)
                {
                    for (var i = 0; i < counts.Length; i++)
                    {
                        bin.Counts[i] += counts[i];
                    }
                }
                else
                {
                    bins[second] = (point.ExplicitBounds, counts);
                }
            }
        }

        return Percentiles
            .Select(p => new ChartSeries(p.Name, bins
                .Select(b => new[] { b.Key * 1000.0, HistogramMath.Percentile(b.Value.Bounds, b.Value.Counts, p.Quantile) })
                .ToList()))
            .ToList();
    }

    private static long[]? Delta(MetricPoint? previous, MetricPoint current)
    {
        var counts = current.BucketCounts.ToArray();
        if (!current.Cumulative)
        {
            return counts;
        }

        if (previous is null)
        {
            // The first cumulative point only has the all-time distribution; use it rather than show nothing.
            return counts;
        }

        if (previous.StartTimeUnixNano != current.StartTimeUnixNano || previous.BucketCounts.Count != counts.Length)
        {
            return counts;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] -= previous.BucketCounts[i];
            if (counts[i] < 0)
            {
                return current.BucketCounts.ToArray();
            }
        }

        return counts;
    }
}
