using System.Net;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Trace.V1;
using AspireMicro.Dashboard.Tests.Infrastructure;
using Google.Protobuf;
using SpanKind = AspireMicro.Dashboard.Otlp.Proto.Trace.V1.Span.Types.SpanKind;

namespace AspireMicro.Dashboard.Tests.Load;

/// <summary>
/// The UI port must keep answering while the dashboard is busy: replaying a large journal after a restart and
/// ingesting from several senders at once (the pipeline benchmark once saw connections refused in that state).
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class UiUnderIngestionTests
{
    private const int JournalSpans = 60_000;
    private const int Senders = 4;
    private const int RequestsPerSender = 40;
    private const int SpansPerRequest = 200;
    private const int MinimumProbeRounds = 10;
    private static readonly TimeSpan GenerousTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Pages_api_and_change_feed_answer_while_a_large_journal_replays_and_senders_keep_ingesting()
    {
        using var storage = new TempDirectory();
        var journalTraceId = JournalFile.WriteSpans(storage.Path, "journal", JournalSpans);
        var settings = new DashboardSettings { StoragePath = storage.Path };
        await using var dashboard = await DashboardProcess.StartAsync(settings);
        var api = new DashboardApi(await dashboard.CreateLoggedInClientAsync());

        var sent = 0;
        var senders = Task.WhenAll(Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
        {
            using var client = new HttpClient { Timeout = GenerousTimeout };
            for (var i = 0; i < RequestsPerSender; i++)
            {
                using var response = await OtlpHttpSender.PostBytesAsync(client, dashboard.HttpUrl + "/v1/traces", Batch(s, i), settings.ApiKey);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Interlocked.Add(ref sent, SpansPerRequest);
            }
        })));

        var rounds = 0;
        while (!senders.IsCompleted || rounds < MinimumProbeRounds)
        {
            await ProbeUiAsync(api);
            rounds++;
        }

        await senders;
        await api.WaitUntilRestoredAsync();

        // Nothing lost either way: every replayed span and every span ingested during the replay is there.
        Assert.Equal(JournalSpans + Senders * RequestsPerSender * SpansPerRequest, await api.SpanCountAsync());
        var replayed = await api.GetAsync($"/api/telemetry/traces/{journalTraceId}");
        Assert.Equal("GET /journal/1", (string?)replayed["spans"]![0]!["name"]);
        Assert.Equal(Senders * RequestsPerSender * SpansPerRequest, DashboardApi.Total(await api.TracesAsync("service=live")));
    }

    /// <summary>One round of what an open browser does: a page, an API query and the live change feed.</summary>
    private static async Task ProbeUiAsync(DashboardApi api)
    {
        using (var page = await api.Client.GetAsync("/traces"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // Both throw unless the answer is 200.
        await api.GetAsync("/api/telemetry/traces?take=50");
        await api.SummaryAsync();

        using var feed = await api.Client.GetAsync("/api/telemetry/changes", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        using var reader = new StreamReader(await feed.Content.ReadAsStreamAsync());
        Assert.Equal("event: changed", await reader.ReadLineAsync());
    }

    private static byte[] Batch(int sender, int index)
    {
        var request = new ExportTraceServiceRequest();
        var now = DateTimeOffset.UtcNow;
        var spans = Enumerable.Range(0, SpansPerRequest)
            .Select(n => OtlpPayloads.MakeSpan(OtlpPayloads.NewTraceId(), OtlpPayloads.NewSpanId(), null, $"POST /live/{sender}/{index}/{n}", SpanKind.Server, now, TimeSpan.FromMilliseconds(3)))
            .ToArray();
        request.ResourceSpans.Add(OtlpPayloads.ResourceSpans("live", spans));
        return request.ToByteArray();
    }
}
