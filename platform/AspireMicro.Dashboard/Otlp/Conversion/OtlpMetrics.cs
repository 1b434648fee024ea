using AspireMicro.Dashboard.Otlp.Proto.Collector.Metrics.V1;
using AspireMicro.Dashboard.Otlp.Proto.Metrics.V1;
using AspireMicro.Dashboard.Telemetry.Model;
using AspireMicro.Dashboard.Telemetry.Storage;

namespace AspireMicro.Dashboard.Otlp.Conversion;

/// <summary>Maps an OTLP metrics export into stored points (gauges, sums, explicit-bucket histograms).</summary>
public static class OtlpMetrics
{
    public static void Ingest(TelemetryStore store, ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = OtlpResources.ToResource(resourceMetrics.Resource);
            var points = new List<MetricPoint>();
            foreach (var scope in resourceMetrics.ScopeMetrics)
            {
                foreach (var metric in scope.Metrics)
                {
                    points.AddRange(ToPoints(metric, resource, StringPool.Share(scope.Scope?.Name ?? "")));
                }
            }

            store.AddMetrics(resource, points);
        }
    }

    private static IEnumerable<MetricPoint> ToPoints(Metric metric, TelemetryResource resource, string meter)
    {
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                return metric.Gauge.DataPoints.Select(p => Number(p, metric, resource, meter, MetricType.Gauge, cumulative: false));
            case Metric.DataOneofCase.Sum:
                var type = metric.Sum.IsMonotonic ? MetricType.Counter : MetricType.UpDownCounter;
                var cumulative = metric.Sum.AggregationTemporality == AggregationTemporality.Cumulative;
                return metric.Sum.DataPoints.Select(p => Number(p, metric, resource, meter, type, cumulative));
            case Metric.DataOneofCase.Histogram:
                var histogramCumulative = metric.Histogram.AggregationTemporality == AggregationTemporality.Cumulative;
                return metric.Histogram.DataPoints.Select(p => Histogram(p, metric, resource, meter, histogramCumulative));
            default:
                // Exponential histograms and summaries are not produced by the .NET SDK's defaults.
                return [];
        }
    }

    private static MetricPoint Number(NumberDataPoint point, Metric metric, TelemetryResource resource, string meter, string type, bool cumulative) => new()
    {
        Service = resource.Service,
        Instance = resource.Instance,
        Instrument = StringPool.Share(metric.Name),
        Meter = meter,
        Type = type,
        Unit = StringPool.Share(metric.Unit),
        Description = StringPool.Share(metric.Description),
        Cumulative = cumulative,
        StartTimeUnixNano = OtlpValues.ToNanos(point.StartTimeUnixNano),
        TimeUnixNano = OtlpValues.ToNanos(point.TimeUnixNano),
        Attributes = OtlpValues.ToAttributes(point.Attributes),
        Value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
    };

    private static MetricPoint Histogram(HistogramDataPoint point, Metric metric, TelemetryResource resource, string meter, bool cumulative) => new()
    {
        Service = resource.Service,
        Instance = resource.Instance,
        Instrument = StringPool.Share(metric.Name),
        Meter = meter,
        Type = MetricType.Histogram,
        Unit = StringPool.Share(metric.Unit),
        Description = StringPool.Share(metric.Description),
        Cumulative = cumulative,
        StartTimeUnixNano = OtlpValues.ToNanos(point.StartTimeUnixNano),
        TimeUnixNano = OtlpValues.ToNanos(point.TimeUnixNano),
        Attributes = OtlpValues.ToAttributes(point.Attributes),
        Count = (long)Math.Min(point.Count, long.MaxValue),
        Sum = point.HasSum ? point.Sum : 0,
        ExplicitBounds = point.ExplicitBounds.ToArray(),
        BucketCounts = point.BucketCounts.Select(c => (long)Math.Min(c, long.MaxValue)).ToArray(),
    };
}
