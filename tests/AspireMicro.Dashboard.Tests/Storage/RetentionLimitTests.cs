using System.Net;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Metrics.V1;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Trace.V1;
using AspireMicro.Dashboard.Otlp.Proto.Metrics.V1;
using AspireMicro.Dashboard.Tests.Infrastructure;
using SpanKind = AspireMicro.Dashboard.Otlp.Proto.Trace.V1.Span.Types.SpanKind;

namespace AspireMicro.Dashboard.Tests.Storage;

/// <summary>Configured limits hold and the oldest items go first.</summary>
public sealed class RetentionLimitTests
{
    [Fact]
    public async Task Spans_beyond_the_limit_drop_the_oldest_traces_first()
    {
        var settings = new DashboardSettings { Extra = new Dictionary<string, string> { ["DASHBOARD__STORAGE__MAXSPANS"] = "50" } };
        await using var dashboard = await DashboardProcess.StartAsync(settings);
        var api = new DashboardApi(await dashboard.CreateLoggedInClientAsync());
        using var client = new HttpClient();

        for (var i = 0; i < 80; i++)
        {
            var request = new ExportTraceServiceRequest();
            request.ResourceSpans.Add(OtlpPayloads.ResourceSpans("limited",
                OtlpPayloads.MakeSpan(OtlpPayloads.NewTraceId(), OtlpPayloads.NewSpanId(), null, $"op-{i}", SpanKind.Server, DateTimeOffset.UtcNow.AddSeconds(i), TimeSpan.FromMilliseconds(1))));
            using var response = await OtlpHttpSender.PostAsync(client, dashboard.HttpUrl + "/v1/traces", request, settings.ApiKey);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var traces = await api.TracesAsync("service=limited");
        var names = DashboardApi.Items(traces).Select(t => (string)t["name"]!).ToHashSet();
        Assert.Equal(50, await api.SpanCountAsync());
        Assert.Equal(50, DashboardApi.Total(traces));
        Assert.Contains("op-79", names);
        Assert.Contains("op-30", names);
        Assert.DoesNotContain("op-29", names);
        Assert.DoesNotContain("op-0", names);
    }

    [Fact]
    public async Task Log_records_beyond_the_limit_drop_the_oldest_first()
    {
        var settings = new DashboardSettings { Extra = new Dictionary<string, string> { ["DASHBOARD__STORAGE__MAXLOGRECORDS"] = "20" } };
        await using var dashboard = await DashboardProcess.StartAsync(settings);
        var api = new DashboardApi(await dashboard.CreateLoggedInClientAsync());
        using var client = new HttpClient();

        for (var i = 0; i < 30; i++)
        {
            using var response = await OtlpHttpSender.PostAsync(client, dashboard.HttpUrl + "/v1/logs", OtlpPayloads.Logs("limited", $"line {i:00}"), settings.ApiKey);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var messages = DashboardApi.Items(await api.LogsAsync()).Select(l => (string)l["message"]!).ToList();
        Assert.Equal(20, messages.Count);
        Assert.Equal("line 29", messages[0]);
        Assert.Equal("line 10", messages[^1]);
    }

    [Fact]
    public async Task Metric_points_beyond_the_per_instrument_limit_drop_the_oldest_first()
    {
        var settings = new DashboardSettings { Extra = new Dictionary<string, string> { ["DASHBOARD__STORAGE__MAXMETRICPOINTSPERINSTRUMENT"] = "10" } };
        await using var dashboard = await DashboardProcess.StartAsync(settings);
        var api = new DashboardApi(await dashboard.CreateLoggedInClientAsync());
        using var client = new HttpClient();
        var request = GaugeRequest("gauged", DateTimeOffset.UtcNow.AddSeconds(-60), points: 30);

        using var response = await OtlpHttpSender.PostAsync(client, dashboard.HttpUrl + "/v1/metrics", request, settings.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chart = await api.GetAsync("/api/telemetry/metrics/chart?service=gauged&instrument=queue.depth&minutes=5");
        var values = chart["series"]!.AsArray().Single()!["points"]!.AsArray().Select(p => (double)p![1]!).ToList();
        Assert.Equal(Enumerable.Range(20, 10).Select(v => (double)v), values);
    }

    [Fact]
    public async Task Metric_points_beyond_the_total_limit_drop_the_least_recently_updated_series_whole()
    {
        // Every run of an app brings new instance ids, so new series: 15 "runs" of 10 points against a total of 100.
        var settings = new DashboardSettings
        {
            Extra = new Dictionary<string, string>
            {
                ["DASHBOARD__STORAGE__MAXMETRICPOINTSPERINSTRUMENT"] = "10",
                ["DASHBOARD__STORAGE__MAXMETRICPOINTS"] = "100",
            },
        };
        await using var dashboard = await DashboardProcess.StartAsync(settings);
        var api = new DashboardApi(await dashboard.CreateLoggedInClientAsync());
        using var client = new HttpClient();
        var start = DateTimeOffset.UtcNow.AddSeconds(-60);
        for (var run = 1; run <= 15; run++)
        {
            using var response = await OtlpHttpSender.PostAsync(client, dashboard.HttpUrl + "/v1/metrics", GaugeRequest($"run-{run:00}", start, points: 10), settings.ApiKey);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(100, (int)(await api.SummaryAsync())["metricPoints"]!);
        Assert.Empty(await api.InstrumentsAsync("run-01"));
        Assert.Empty(await api.InstrumentsAsync("run-05"));
        Assert.Single(await api.InstrumentsAsync("run-06"));
        Assert.Single(await api.InstrumentsAsync("run-15"));
    }

    private static ExportMetricsServiceRequest GaugeRequest(string service, DateTimeOffset start, int points)
    {
        var gauge = new Gauge();
        for (var i = 0; i < points; i++)
        {
            gauge.DataPoints.Add(new NumberDataPoint { TimeUnixNano = (ulong)start.AddSeconds(i).ToUnixTimeMilliseconds() * 1_000_000UL, AsDouble = i });
        }

        var scope = new ScopeMetrics();
        scope.Metrics.Add(new Metric { Name = "queue.depth", Gauge = gauge });
        var resourceMetrics = new ResourceMetrics { Resource = OtlpPayloads.Resource(service) };
        resourceMetrics.ScopeMetrics.Add(scope);
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resourceMetrics);
        return request;
    }

    [Fact]
    public async Task Invalid_limit_stops_the_dashboard_at_start_up_with_a_message_naming_it()
    {
        var settings = new DashboardSettings { Extra = new Dictionary<string, string> { ["DASHBOARD__STORAGE__MAXSPANS"] = "0" } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DashboardProcess.StartAsync(settings));

        Assert.Contains("MaxSpans", error.Message, StringComparison.Ordinal);
    }
}
