namespace AspireMicro.Dashboard.Telemetry.Queries;

/// <summary>A line of a chart; points are (unix milliseconds, value) pairs to keep the JSON small.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double[]> Points);
