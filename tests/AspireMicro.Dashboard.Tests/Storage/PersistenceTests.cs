using System.Net;
using AspireMicro.Dashboard.Tests.Infrastructure;
using OpenTelemetry.Exporter;

namespace AspireMicro.Dashboard.Tests.Storage;

/// <summary>Telemetry is kept under DASHBOARD__STORAGE__PATH across restarts; clear wipes it for good.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task Traces_logs_and_metrics_survive_a_restart_on_the_same_storage_path()
    {
        using var storage = new TempDirectory();
        var settings = new DashboardSettings { StoragePath = storage.Path };
        string traceId;
        await using (var first = await DashboardProcess.StartAsync(settings))
        {
            var exporters = new RealExporters(first, OtlpExportProtocol.Grpc, settings.ApiKey);
            Assert.True(exporters.SendTrace("persisted", "GET /persisted", "child"));
            exporters.SendLog("persisted", "Persisted {Thing}", "log");
            Assert.True(exporters.SendMetrics("persisted", "persisted.count", "persisted.latency"));
            var api = new DashboardApi(await first.CreateLoggedInClientAsync());
            var page = await Eventually.ReturnsAsync(() => api.TracesAsync("service=persisted"), p => DashboardApi.Total(p) == 1, "the trace");
            traceId = (string)DashboardApi.Items(page).Single()["traceId"]!;
            await Eventually.ReturnsAsync(() => api.LogsAsync("service=persisted"), p => DashboardApi.Total(p) == 1, "the log");
            await first.StopAsync();
        }

        await using var second = await DashboardProcess.StartAsync(settings);
        var restored = new DashboardApi(await second.CreateLoggedInClientAsync());
        await restored.WaitUntilRestoredAsync();

        var trace = await restored.GetAsync($"/api/telemetry/traces/{traceId}");
        Assert.Equal(2, trace["spans"]!.AsArray().Count);
        var log = DashboardApi.Items(await restored.LogsAsync("service=persisted")).Single();
        Assert.Equal("Persisted log", (string?)log["message"]);
        var instruments = await restored.InstrumentsAsync("persisted");
        Assert.Equal(2, instruments.Count);
        var resources = await restored.Client.GetStringAsync("/api/telemetry/resources");
        Assert.Contains("\"persisted\"", resources, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_journal_replays_only_its_newest_part_and_is_rewritten_from_what_was_kept()
    {
        using var storage = new TempDirectory();
        JournalFile.WriteSpans(storage.Path, "journal", 20_000);
        var journal = new FileInfo(Path.Combine(storage.Path, "telemetry.jsonl"));
        var sizeBefore = journal.Length;
        Assert.True(sizeBefore > 4 << 20, $"the journal is only {sizeBefore} bytes");
        var settings = new DashboardSettings
        {
            StoragePath = storage.Path,
            Extra = new Dictionary<string, string> { ["DASHBOARD__STORAGE__MAXREPLAYMEGABYTES"] = "1" },
        };

        await using var dashboard = await DashboardProcess.StartAsync(settings);
        var api = new DashboardApi(await dashboard.CreateLoggedInClientAsync());
        await api.WaitUntilRestoredAsync();

        var spans = await api.SpanCountAsync();
        Assert.InRange(spans, 1, 19_999);
        var names = DashboardApi.Items(await api.TracesAsync("service=journal")).Select(t => (string)t["name"]!).ToHashSet();
        Assert.Contains("GET /journal/20000", names);
        Assert.DoesNotContain("GET /journal/1", names);
        await Eventually.ReturnsAsync(
            () => Task.FromResult(new FileInfo(journal.FullName).Length), size => size < sizeBefore / 2, "the journal to be rewritten from the store");
        Assert.Contains("replaying its newest 1 MB", dashboard.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_removes_everything_and_it_stays_cleared_after_a_restart()
    {
        using var storage = new TempDirectory();
        var settings = new DashboardSettings { StoragePath = storage.Path };
        await using (var first = await DashboardProcess.StartAsync(settings))
        {
            var api = new DashboardApi(await first.CreateLoggedInClientAsync());
            using var client = new HttpClient();
            var (request, _) = OtlpPayloads.DistributedTrace("to be cleared");
            (await OtlpHttpSender.PostAsync(client, first.HttpUrl + "/v1/traces", request, settings.ApiKey)).Dispose();
            (await OtlpHttpSender.PostAsync(client, first.HttpUrl + "/v1/logs", OtlpPayloads.Logs("cleared", "gone soon"), settings.ApiKey)).Dispose();
            Assert.Equal(5, await api.SpanCountAsync());

            using var clear = await api.Client.DeleteAsync("/api/telemetry");

            Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
            var summary = await api.SummaryAsync();
            Assert.Equal(0, (int)summary["spans"]!);
            Assert.Equal(0, (int)summary["logs"]!);
            Assert.Equal(0, (int)summary["resources"]!);
            await first.StopAsync();
        }

        await using var second = await DashboardProcess.StartAsync(settings);
        var restored = new DashboardApi(await second.CreateLoggedInClientAsync());
        await restored.WaitUntilRestoredAsync();
        Assert.Equal(0, await restored.SpanCountAsync());
        Assert.Equal(0, await restored.LogCountAsync());
    }

    [Fact]
    public async Task Clear_without_cookie_returns_401_and_keeps_telemetry()
    {
        await using var dashboard = await DashboardProcess.StartAsync(new DashboardSettings());
        var api = new DashboardApi(await dashboard.CreateLoggedInClientAsync());
        using var client = new HttpClient();
        (await OtlpHttpSender.PostAsync(client, dashboard.HttpUrl + "/v1/logs", OtlpPayloads.Logs("kept", "still here"), dashboard.Settings.ApiKey)).Dispose();

        using var clear = await client.DeleteAsync(dashboard.UiUrl + "/api/telemetry");

        Assert.Equal(HttpStatusCode.Unauthorized, clear.StatusCode);
        Assert.Equal(1, await api.LogCountAsync());
    }
}
