using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;
using AspireMicro.IntegrationEvents.Orders;

namespace AspireMicro.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class StockReservationTests(ApiFixture fixture)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Submitted_order_reserves_stock_once_and_payment_failure_releases_it()
    {
        using var catalog = fixture.Catalog0.CreateHttpClient(await fixture.AdminAsync());
        (await catalog.PutAsJsonAsync("/api/catalog/items/30", new { availableStock = 5 })).EnsureSuccessStatusCode();
        await catalog.GetAsync("/api/catalog/items/30"); // warm the cache: the reservation must evict it
        await using var probe = await EventProbe.StartAsync(fixture.Servers.Messaging, nameof(OrderStockReserved), nameof(OrderStockRejected));
        var order = new OrderSubmitted(Guid.NewGuid(), "buyer-stock", [new OrderItemDto(30, "Thirty", 3, 10m)], 30m);

        await probe.PublishAsync(order);
        var outcome = await probe.WaitForOrderEventAsync(order.OrderId, EventTimeout, nameof(OrderStockReserved), nameof(OrderStockRejected));
        Assert.Equal(nameof(OrderStockReserved), outcome.Type);
        Assert.Equal(2, await StockAsync(catalog, 30));

        // A redelivery of the very same event (same id) must not reserve twice.
        await probe.PublishAsync(order);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await StockAsync(catalog, 30));

        await probe.PublishAsync(new OrderPaymentFailed(order.OrderId, "card declined"));
        await Eventually.WaitAsync(() => StockAsync(catalog, 30), stock => stock == 5, EventTimeout, "stock is released");
    }

    [Fact]
    public async Task Order_that_cannot_be_fully_reserved_is_rejected_and_reserves_nothing()
    {
        using var catalog = fixture.Catalog1.CreateHttpClient(await fixture.AdminAsync());
        (await catalog.PutAsJsonAsync("/api/catalog/items/31", new { availableStock = 10 })).EnsureSuccessStatusCode();
        (await catalog.PutAsJsonAsync("/api/catalog/items/32", new { availableStock = 1 })).EnsureSuccessStatusCode();
        await using var probe = await EventProbe.StartAsync(fixture.Servers.Messaging, nameof(OrderStockReserved), nameof(OrderStockRejected));
        var order = new OrderSubmitted(
            Guid.NewGuid(), "buyer-short", [new OrderItemDto(31, "A", 4, 1m), new OrderItemDto(32, "B", 2, 1m)], 6m);

        await probe.PublishAsync(order);
        var outcome = await probe.WaitForOrderEventAsync(order.OrderId, EventTimeout, nameof(OrderStockReserved), nameof(OrderStockRejected));

        Assert.Equal(nameof(OrderStockRejected), outcome.Type);
        Assert.Contains("Insufficient stock", outcome.Body.GetProperty("reason").GetString());
        Assert.Equal(10, await StockAsync(catalog, 31));
        Assert.Equal(1, await StockAsync(catalog, 32));
    }

    private static async Task<int> StockAsync(HttpClient catalog, int id) =>
        (await catalog.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{id}")).GetProperty("availableStock").GetInt32();
}
