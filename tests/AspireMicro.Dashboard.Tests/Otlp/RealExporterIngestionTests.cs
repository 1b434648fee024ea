using AspireMicro.Dashboard.Tests.Infrastructure;
using OpenTelemetry.Exporter;

namespace AspireMicro.Dashboard.Tests.Otlp;

/// <summary>The real OpenTelemetry .NET exporter, over both transports, lands traces, logs and metrics in the store.</summary>
public sealed class RealExporterIngestionTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    public static TheoryData<OtlpExportProtocol> Protocols => new() { OtlpExportProtocol.Grpc, OtlpExportProtocol.HttpProtobuf };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Exported_trace_is_stored_with_parent_and_child_spans(OtlpExportProtocol protocol)
    {
        var service = $"svc-trace-{protocol}".ToLowerInvariant();
        var exporters = new RealExporters(fixture.Dashboard, protocol, fixture.Dashboard.Settings.ApiKey);

        Assert.True(exporters.SendTrace(service, "GET /orders", "SELECT orders"), "exporter flush failed");

        var page = await Eventually.ReturnsAsync(() => fixture.Api.TracesAsync($"service={service}"), p => DashboardApi.Total(p) == 1, "the trace");
        var trace = DashboardApi.Items(page).Single();
        Assert.Equal("GET /orders", (string?)trace["name"]);
        Assert.Equal(2, (int)trace["spanCount"]!);
        var detail = await fixture.Api.GetAsync($"/api/telemetry/traces/{trace["traceId"]}");
        var spans = detail["spans"]!.AsArray();
        var child = spans.Single(s => (string?)s!["name"] == "SELECT orders")!;
        var root = spans.Single(s => (string?)s!["name"] == "GET /orders")!;
        Assert.Equal((string?)root["spanId"], (string?)child["parentSpanId"]);
        Assert.Equal("Client", (string?)child["kind"]);
        Assert.Contains(child["attributes"]!.AsArray(), a => (string?)a!["key"] == "http.request.method" && (string?)a["value"] == "GET");
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Exported_log_is_stored_with_rendered_message_level_and_attributes(OtlpExportProtocol protocol)
    {
        var service = $"svc-log-{protocol}".ToLowerInvariant();
        var exporters = new RealExporters(fixture.Dashboard, protocol, fixture.Dashboard.Settings.ApiKey);

        exporters.SendLog(service, "Order {OrderId} is late by {Minutes} minutes", 4711, 12);

        var page = await Eventually.ReturnsAsync(() => fixture.Api.LogsAsync($"service={service}"), p => DashboardApi.Total(p) == 1, "the log record");
        var log = DashboardApi.Items(page).Single();
        Assert.Equal("Order 4711 is late by 12 minutes", (string?)log["message"]);
        Assert.Equal("Warning", (string?)log["level"]);
        Assert.Equal("Tests.Orders", (string?)log["scope"]);
        Assert.Contains(log["attributes"]!.AsArray(), a => (string?)a!["key"] == "OrderId" && (string?)a["value"] == "4711");
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Exported_counter_and_histogram_are_stored_and_chartable(OtlpExportProtocol protocol)
    {
        var service = $"svc-metrics-{protocol}".ToLowerInvariant();
        var exporters = new RealExporters(fixture.Dashboard, protocol, fixture.Dashboard.Settings.ApiKey);

        Assert.True(exporters.SendMetrics(service, "orders.placed", "orders.latency"), "exporter flush failed");

        var instruments = await Eventually.ReturnsAsync(() => fixture.Api.InstrumentsAsync(service), i => i.Count == 2, "two instruments");
        Assert.Contains(instruments, i => (string?)i!["name"] == "orders.placed" && (string?)i["type"] == "counter");
        Assert.Contains(instruments, i => (string?)i!["name"] == "orders.latency" && (string?)i["type"] == "histogram");

        var counter = await fixture.Api.GetAsync($"/api/telemetry/metrics/chart?service={service}&instrument=orders.placed");
        var line = counter["series"]!.AsArray().Single()!;
        Assert.Equal("route=/orders", (string?)line["name"]);
        Assert.Equal(5, (double)line["points"]![0]![1]!);

        var histogram = await fixture.Api.GetAsync($"/api/telemetry/metrics/chart?service={service}&instrument=orders.latency");
        var percentiles = histogram["series"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (double)s!["points"]![0]![1]!);
        Assert.Equal(["p50", "p90", "p99"], percentiles.Keys.Order());
        Assert.InRange(percentiles["p50"], 10, 25);
        Assert.True(percentiles["p99"] >= percentiles["p90"] && percentiles["p90"] >= percentiles["p50"], "percentiles must be ordered");
    }
}
