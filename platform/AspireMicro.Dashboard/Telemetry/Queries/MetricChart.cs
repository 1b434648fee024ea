namespace AspireMicro.Dashboard.Telemetry.Queries;

/// <summary>Chart-ready data: one line per series (attribute set, or p50/p90/p99 for histograms).</summary>
public sealed record MetricChart(InstrumentSummary Instrument, IReadOnlyList<string> SeriesKeys, IReadOnlyList<ChartSeries> Series);
