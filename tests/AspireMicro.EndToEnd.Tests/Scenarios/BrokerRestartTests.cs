using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AspireMicro.EndToEnd.Tests.Infrastructure;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

[Collection(SharedAppCollection.Name)]
[Disruptive]
public sealed class BrokerRestartTests(AppFixture fixture, ITestOutputHelper output)
{
    private const int Orders = 30;

    [Fact]
    public async Task RabbitMQ_restarted_under_load_loses_no_event_and_every_outbox_drains()
    {
        var app = fixture.App;
        var products = (await fixture.Shop.SearchAsync(pageSize: 10)).Where(p => p.AvailableStock > Orders).Select(p => p.Id).ToList();
        var load = new OrderLoad(fixture.Shop, products);
        var restarted = new TaskCompletionSource();
        await load.RunAsync(Orders, concurrency: 3, async placed =>
        {
            if (placed == Orders / 3 && restarted.TrySetResult())
            {
                await app.RestartResourceAsync("messaging");
                output.WriteLine($"RabbitMQ restarted after {placed} orders");
            }
        });
        await restarted.Task.WaitAsync(TimeSpan.FromSeconds(5));
        using (var healthy = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            // Right after the restart command the snapshot can still be the stopped one (Exited): wait through it.
            await app.ResourceNotifications.WaitForResourceHealthyAsync("messaging", WaitBehavior.WaitOnResourceUnavailable, healthy.Token);
        }

        var finals = await load.WaitForAllFinalAsync(TimeSpan.FromSeconds(120));
        output.WriteLine($"attempts {load.Attempts}, placed {load.Placed.Count}, refused {load.Refused}; Paid {finals.Count(o => o.Status == "Paid")}, Cancelled {finals.Count(o => o.Status == "Cancelled")}");

        var ordering = (await app.GetConnectionStringAsync("orderingdb"))!;
        var catalog = (await app.GetConnectionStringAsync("catalogdb"))!;
        var payment = (await app.GetConnectionStringAsync("paymentdb"))!;
        var flows = await Eventually.GetAsync(
            async () => new[]
            {
                await EventFlow.MeasureAsync("OrderSubmitted", ordering, catalog),
                await EventFlow.MeasureAsync("OrderStockReserved", catalog, payment),
                await EventFlow.MeasureAsync("OrderPaymentSucceeded", payment, ordering),
            },
            f => f.All(x => x.IsComplete),
            TimeSpan.FromSeconds(60),
            "every committed event to be published and consumed");
        foreach (var flow in flows)
        {
            output.WriteLine(flow.ToString());
        }

        // Events that no flow above counts (e.g. the status changes analytics streams) may still be in flight:
        // the invariant is that every outbox drains, so wait for it rather than read one instant.
        var outboxes = await Eventually.GetAsync(
            async () => await Sql.OutboxAsync(ordering) + await Sql.OutboxAsync(catalog) + await Sql.OutboxAsync(payment),
            o => o.Committed == o.Published,
            TimeSpan.FromSeconds(60),
            "every outbox row to be published");
        output.WriteLine($"all outboxes: committed {outboxes.Committed}, published {outboxes.Published}; inbox rows {outboxes.Consumed}");
        Assert.Equal(load.Placed.Count, finals.Count);
        Assert.Equal(outboxes.Committed, outboxes.Published);
        Assert.True(flows[0].Committed >= load.Placed.Count, $"{flows[0].Committed} OrderSubmitted events for {load.Placed.Count} orders");
    }
}
