using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;
using AspireMicro.IntegrationEvents.Orders;
using Npgsql;

namespace AspireMicro.Api.Tests.Catalog;

/// <summary>
/// Both catalog replicas handle up to 8 deliveries each at once. A burst of orders for one product, every
/// event delivered twice, and payment failures announced twice, must change the stock exactly once each.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentStockReservationTests(ApiFixture fixture)
{
    private const int ProductId = 34;
    private const int Orders = 24;
    private const int Released = 8;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Burst_of_orders_for_one_product_reserves_and_releases_each_order_exactly_once()
    {
        using var catalog = fixture.Catalog0.CreateHttpClient(await fixture.AdminAsync());
        (await catalog.PutAsJsonAsync($"/api/catalog/items/{ProductId}", new { availableStock = 100 })).EnsureSuccessStatusCode();
        await using var probe = await EventProbe.StartAsync(fixture.Servers.Messaging, nameof(OrderStockReserved), nameof(OrderStockRejected));
        var orders = Enumerable.Range(0, Orders)
            .Select(_ => new OrderSubmitted(Guid.NewGuid(), "buyer-burst", [new OrderItemDto(ProductId, "Burst", 2, 1m)], 2m))
            .ToList();

        // Each event twice (a redelivery), all at once.
        await Task.WhenAll(orders.Concat(orders).Select(probe.PublishAsync));
        foreach (var order in orders)
        {
            var outcome = await probe.WaitForOrderEventAsync(order.OrderId, EventTimeout, nameof(OrderStockReserved), nameof(OrderStockRejected));
            Assert.Equal(nameof(OrderStockReserved), outcome.Type);
        }

        await Eventually.WaitAsync(() => StockAsync(catalog), stock => stock == 100 - (2 * Orders), EventTimeout,
            "every order to hold its 2 units");

        // Payment fails for some orders, and each failure is announced by two different events.
        var failures = orders.Take(Released)
            .SelectMany(o => new[] { new OrderPaymentFailed(o.OrderId, "declined"), new OrderPaymentFailed(o.OrderId, "declined") })
            .ToList();
        await Task.WhenAll(failures.Select(probe.PublishAsync));
        await Eventually.WaitAsync(() => StockAsync(catalog), stock => stock == 100 - (2 * (Orders - Released)), EventTimeout,
            "the failed orders' units to come back");
        // Still the same once catalog has handled both announcements of every failure: nothing given back twice.
        var failureIds = failures.Select(f => f.EventId).ToArray();
        await Eventually.WaitAsync(() => HandledAsync(failureIds), handled => handled == failureIds.Length, EventTimeout,
            "catalog to handle every failure event");
        Assert.Equal(100 - (2 * (Orders - Released)), await StockAsync(catalog));
    }

    private async Task<long> HandledAsync(Guid[] eventIds)
    {
        await using var connection = new NpgsqlConnection(fixture.CatalogDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM inbox_messages WHERE consumer = 'catalog' AND message_id = ANY($1)", connection);
        command.Parameters.AddWithValue(eventIds);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> StockAsync(HttpClient catalog) =>
        (await catalog.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{ProductId}")).GetProperty("availableStock").GetInt32();
}
