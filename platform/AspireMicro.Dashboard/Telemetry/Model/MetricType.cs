namespace AspireMicro.Dashboard.Telemetry.Model;

public static class MetricType
{
    public const string Gauge = "gauge";
    public const string Counter = "counter";
    public const string UpDownCounter = "updowncounter";
    public const string Histogram = "histogram";
}
