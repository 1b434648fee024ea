using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Projections;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;

namespace AspireMicro.Messaging.Tests.Analytics;

/// <summary>
/// Analytics folds the whole order-events stream. The stream is shared with the other tests, so each
/// test measures the change it causes on top of what was already there.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class AnalyticsStreamTests(MessagingFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly BrokerClient _broker = new(fixture.AmqpConnectionString);

    [Fact]
    public async Task Totals_equal_the_events_placed_and_stay_equal_after_analytics_restarts()
    {
        SalesSummary before;
        SalesSummary after;
        var placed = OrderHistory.Create(orders: 12, paidEvery: 3, cancelledEvery: 4);
        await using (var analytics = Services.Analytics(fixture))
        {
            var client = analytics.CreateClient();
            before = await CaughtUpAsync(client);

            foreach (var statusChanged in placed.Events)
            {
                await _broker.PublishAsync(statusChanged);
            }

            // The relay may resend after a crash: the same event id must not count twice.
            foreach (var resent in placed.Events.Take(5))
            {
                await _broker.PublishAsync(resent);
            }

            after = await Eventually.GetAsync(() => SummaryAsync(client),
                s => s.DistinctEvents == before.DistinctEvents + placed.Events.Count, Timeout, "all events applied");
        }

        Assert.Equal(before.TotalOrders + placed.Orders, after.TotalOrders);
        Assert.Equal(before.Revenue + placed.PaidRevenue, after.Revenue);
        Assert.Equal(before.OrdersByStatus["Paid"] + placed.Paid, after.OrdersByStatus["Paid"]);
        Assert.Equal(before.OrdersByStatus["Cancelled"] + placed.Cancelled, after.OrdersByStatus["Cancelled"]);

        // A new process replays the stream from "first" and must land on exactly the same figures.
        await using var restarted = Services.Analytics(fixture);
        var replayed = await Eventually.GetAsync(() => SummaryAsync(restarted.CreateClient()),
            s => s.DistinctEvents >= after.DistinctEvents, Timeout, "the replay");
        Assert.Equal(after.TotalOrders, replayed.TotalOrders);
        Assert.Equal(after.Revenue, replayed.Revenue);
        Assert.Equal(after.OrdersByStatus, replayed.OrdersByStatus);
        Assert.Equal(after.DistinctEvents, replayed.DistinctEvents);
    }

    [Fact]
    public async Task Analytics_resumes_after_a_broker_restart_without_double_counting()
    {
        await using var analytics = Services.Analytics(fixture);
        var client = analytics.CreateClient();
        var before = await CaughtUpAsync(client);
        var first = OrderHistory.Create(orders: 4, paidEvery: 1, cancelledEvery: 0);
        var second = OrderHistory.Create(orders: 3, paidEvery: 1, cancelledEvery: 0);

        foreach (var statusChanged in first.Events)
        {
            await _broker.PublishAsync(statusChanged);
        }

        await Eventually.GetAsync(() => SummaryAsync(client),
            s => s.DistinctEvents == before.DistinctEvents + first.Events.Count, Timeout, "the first batch");
        await fixture.StopBrokerAsync();
        await fixture.StartBrokerAsync();
        foreach (var statusChanged in second.Events.Concat(first.Events))
        {
            await _broker.PublishAsync(statusChanged);
        }

        var after = await Eventually.GetAsync(() => SummaryAsync(client),
            s => s.DistinctEvents == before.DistinctEvents + first.Events.Count + second.Events.Count,
            Timeout, "the second batch after the restart");
        Assert.Equal(before.TotalOrders + 7, after.TotalOrders);
        Assert.Equal(before.Revenue + first.PaidRevenue + second.PaidRevenue, after.Revenue);
    }

    [Fact]
    public async Task Summary_stream_pushes_a_server_sent_event_when_figures_change()
    {
        await using var analytics = Services.Analytics(fixture);
        var client = analytics.CreateClient();
        var before = await CaughtUpAsync(client);
        using var response = await client.GetAsync("/api/analytics/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var placed = OrderHistory.Create(orders: 1, paidEvery: 1, cancelledEvery: 0);
        foreach (var statusChanged in placed.Events)
        {
            await _broker.PublishAsync(statusChanged);
        }

        using var timeout = new CancellationTokenSource(Timeout);
        SalesSummary? pushed = null;
        // The order's events arrive one by one (submitted first, paid later), each pushing its own summary:
        // read pushes until every event of the order has been counted, not just the first.
        while (pushed is null || pushed.DistinctEvents < before.DistinctEvents + placed.Events.Count)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line?.StartsWith("data: ", StringComparison.Ordinal) == true)
            {
                pushed = JsonSerializer.Deserialize<SalesSummary>(line["data: ".Length..], JsonSerializerOptions.Web);
            }
        }

        Assert.Equal(before.TotalOrders + 1, pushed.TotalOrders);
        Assert.Equal(before.Revenue + placed.PaidRevenue, pushed.Revenue);
    }

    /// <summary>Waits until the replay of what is already in the stream has settled.</summary>
    private static async Task<SalesSummary> CaughtUpAsync(HttpClient client)
    {
        var previous = await SummaryAsync(client);
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(750));
            var current = await SummaryAsync(client);
            if (current.DistinctEvents == previous.DistinctEvents && current.Version == previous.Version)
            {
                return current;
            }

            previous = current;
        }
    }

    private static async Task<SalesSummary> SummaryAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<SalesSummary>("/api/analytics/summary", JsonSerializerOptions.Web))!;
}
