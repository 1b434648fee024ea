using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AspireMicro.EndToEnd.Tests.Infrastructure;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

[Collection(SharedAppCollection.Name)]
public sealed class PaymentCrashTests(AppFixture fixture, ITestOutputHelper output)
{
    private const int Orders = 24;

    [Fact]
    public async Task Orders_placed_while_payment_is_killed_all_end_Paid_or_Cancelled_and_none_is_charged_twice()
    {
        var app = fixture.App;
        var products = (await fixture.Shop.SearchAsync(pageSize: 10)).Where(p => p.AvailableStock > Orders).Select(p => p.Id).ToList();
        var load = new OrderLoad(fixture.Shop, products);
        var killed = new TaskCompletionSource();
        var run = load.RunAsync(Orders, concurrency: 3, async placed =>
        {
            // SIGKILL a third of the way in: events for the rest queue up in RabbitMQ meanwhile.
            if (placed == Orders / 3 && killed.TrySetResult())
            {
                await app.KillResourceAsync("payment");
                output.WriteLine($"payment killed after {placed} orders");
            }
        });
        await run;
        await killed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await app.StartResourceAsync("payment");
        using (var healthy = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            // The snapshot right after the start can still be the killed process's (Exited): wait through it.
            await app.ResourceNotifications.WaitForResourceHealthyAsync("payment", WaitBehavior.WaitOnResourceUnavailable, healthy.Token);
        }

        var finals = await load.WaitForAllFinalAsync(TimeSpan.FromSeconds(90));
        var paid = finals.Count(o => o.Status == "Paid");
        var cancelled = finals.Count(o => o.Status == "Cancelled");

        var paymentDb = (await app.GetConnectionStringAsync("paymentdb"))!;
        var ids = string.Join(',', load.Placed.Select(id => $"'{id}'"));
        var charges = await Sql.CountAsync(paymentDb, $"SELECT count(*) FROM payments WHERE order_id IN ({ids})");
        var successEvents = await Sql.CountAsync(paymentDb,
            $"SELECT count(*) FROM outbox_messages WHERE event_type = 'OrderPaymentSucceeded' AND (payload::jsonb->>'orderId')::uuid IN ({ids})");
        output.WriteLine($"attempts {load.Attempts}, placed {load.Placed.Count}, refused {load.Refused}; final {finals.Count} = Paid {paid} + Cancelled {cancelled}; payment rows {charges}, OrderPaymentSucceeded events {successEvents}");

        Assert.Equal(Orders, load.Attempts);
        Assert.Equal(load.Placed.Count, load.Placed.Distinct().Count());
        Assert.Equal(load.Placed.Count, paid + cancelled);
        Assert.Equal(paid, charges);
        Assert.Equal(paid, successEvents);
        Assert.True(paid > 0, "no order was paid at all");
    }
}
