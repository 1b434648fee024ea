using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;
using AspireMicro.Messaging.Tests.Ordering;
using Microsoft.Extensions.Hosting;
using Ordering.Api.Infrastructure;
using Payment.Worker.Infrastructure;

namespace AspireMicro.Messaging.Tests.Flow;

/// <summary>Ordering → catalog (stand-in) → payment → ordering, all over the real broker and databases.</summary>
[Collection(MessagingCollection.Name)]
public sealed class CheckoutSagaTests(MessagingFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _orderingDb = MessagingFixture.UniqueDatabaseName("ordering");
    private readonly string _paymentDb = MessagingFixture.UniqueDatabaseName("payment");
    private ServiceFactory<OrderingDbContext> _ordering = null!;
    private ServiceFactory<PaymentDbContext> _payment = null!;
    private IHost _catalog = null!;
    private HttpClient _client = null!;

    private readonly string _buyerToken = TestTokens.Buyer("buyer-saga");

    public async Task InitializeAsync()
    {
        var broker = new BrokerClient(fixture.AmqpConnectionString);
        foreach (var queue in new[] { "catalog.events", "payment.events", "ordering.events" })
        {
            await broker.PurgeAsync(queue);
        }

        _catalog = await TestBusHost.StartAsync(fixture, "catalog",
            bus => bus.AddHandler<OrderSubmitted, StandInCatalogHandler>());
        _payment = Services.Payment(fixture, _paymentDb, maxApprovedAmount: 1_000m);
        _payment.CreateClient();
        _ordering = Services.Ordering(fixture, _orderingDb);
        _client = _ordering.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _ordering.DisposeAsync();
        await _payment.DisposeAsync();
        await _catalog.StopAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task Order_within_stock_and_limit_ends_Paid_and_the_status_stream_follows_it_forward()
    {
        var orderId = await PlaceAsync(OrderRequests.Body("buyer-saga", unitPrice: 20m, quantity: 2));

        var statuses = await ReadStatusStreamAsync(orderId);

        // The stream sends the status current when it opens, then each change it sees: a fast saga can already be
        // past Submitted by then. What it must never do is go backwards, repeat a status or end before Paid.
        string[] forward = [nameof(OrderStatus.Submitted), nameof(OrderStatus.StockReserved), nameof(OrderStatus.Paid)];
        Assert.Equal(nameof(OrderStatus.Paid), statuses[^1]);
        Assert.Equal(forward.Where(statuses.Contains), statuses);

        // One checkout is one trace: payment's outbox row carries the trace id ordering started.
        var orderingTrace = Assert.Single(await Sql.ColumnAsync(fixture.PostgresConnectionString(_orderingDb),
            "SELECT trace_parent FROM outbox_messages WHERE event_type = 'OrderSubmitted' AND payload LIKE $1",
            $"%{orderId}%")).Split('-')[1];
        var paymentTrace = Assert.Single(await Sql.ColumnAsync(fixture.PostgresConnectionString(_paymentDb),
            "SELECT trace_parent FROM outbox_messages WHERE payload LIKE $1", $"%{orderId}%")).Split('-')[1];
        Assert.Equal(orderingTrace, paymentTrace);
    }

    [Fact]
    public async Task Order_above_the_payment_limit_ends_Cancelled_with_the_reason()
    {
        var orderId = await PlaceAsync(OrderRequests.Body("buyer-saga", unitPrice: 600m, quantity: 2));

        var order = await WaitForFinalAsync(orderId);

        Assert.Equal("Cancelled", order.GetProperty("status").GetString());
        Assert.StartsWith("Payment failed", order.GetProperty("cancellationReason").GetString());
    }

    [Fact]
    public async Task Order_beyond_stock_ends_Cancelled_without_a_payment()
    {
        var orderId = await PlaceAsync(OrderRequests.Body("buyer-saga", unitPrice: 1m,
            quantity: StandInCatalogHandler.StockPerProduct + 1));

        var order = await WaitForFinalAsync(orderId);

        Assert.Equal("Cancelled", order.GetProperty("status").GetString());
        Assert.StartsWith("Stock rejected", order.GetProperty("cancellationReason").GetString());
        Assert.Equal(0, await Sql.CountAsync(fixture.PostgresConnectionString(_paymentDb),
            "SELECT count(*) FROM payments WHERE order_id = $1", orderId));
    }

    private async Task<Guid> PlaceAsync(object body)
    {
        var response = await _client.SendAsync(OrderRequests.Post(body, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<JsonElement> WaitForFinalAsync(Guid orderId) =>
        Eventually.GetAsync(
            async () =>
            {
                using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}").WithBearer(_buyerToken));
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            },
            order => order.GetProperty("status").GetString() is "Paid" or "Cancelled",
            Timeout, $"order {orderId} to finish");

    /// <summary>Reads <c>event: status</c> items until the server ends the stream after a final state.</summary>
    private async Task<List<string>> ReadStatusStreamAsync(Guid orderId)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}/events").WithBearer(_buyerToken);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var statuses = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var update = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                statuses.Add(update.GetProperty("status").GetString()!);
            }
        }

        return statuses;
    }
}
