using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Messaging.Tests.Infrastructure;
using Ordering.Api.Api;
using Ordering.Api.Infrastructure;

namespace AspireMicro.Messaging.Tests.Ordering;

[Collection(MessagingCollection.Name)]
public sealed class OrderingApiTests(MessagingFixture fixture) : IAsyncLifetime
{
    private readonly string _database = MessagingFixture.UniqueDatabaseName("ordering");
    private ServiceFactory<OrderingDbContext> _ordering = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _ordering = Services.Ordering(fixture, _database);
        _client = _ordering.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ordering.DisposeAsync();

    [Fact]
    public async Task Concurrent_retries_with_the_same_idempotency_key_create_one_order()
    {
        var key = Guid.NewGuid().ToString();
        var body = OrderRequests.Body("buyer-idem");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => _client.SendAsync(OrderRequests.Post(body, key))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());

        var connection = fixture.PostgresConnectionString(_database);
        Assert.Equal(1, await Sql.CountAsync(connection, "SELECT count(*) FROM orders WHERE idempotency_key = $1", key));
        Assert.Equal(1, await Sql.CountAsync(connection,
            "SELECT count(*) FROM outbox_messages WHERE event_type = 'OrderSubmitted' AND payload LIKE $1",
            $"%{ids[0]}%"));
    }

    [Fact]
    public async Task Same_idempotency_key_with_a_different_body_returns_422_problem()
    {
        var key = Guid.NewGuid().ToString();
        var first = await _client.SendAsync(OrderRequests.Post(OrderRequests.Body("buyer-a", quantity: 1), key));
        var second = await _client.SendAsync(OrderRequests.Post(OrderRequests.Body("buyer-a", quantity: 2), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(OrderEndpoints.IdempotencyKeyHeader, problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("""{"buyerId":"b","items":[{"productId":1,"productName":"P","unitPrice":1,"quantity":-1}]}""", "items[0].quantity")]
    [InlineData("""{"buyerId":"b","items":[{"productId":1,"productName":"P","unitPrice":1}]}""", "items[0].quantity")]
    [InlineData("""{"buyerId":"b","items":[]}""", "items")]
    [InlineData("""{"items":[{"productId":1,"productName":"P","unitPrice":1,"quantity":1}]}""", "buyerId")]
    [InlineData("""{"buyerId":"b","items":[{"productId":"one","productName":"P","unitPrice":1,"quantity":1}]}""", "items[0].productId")]
    [InlineData("""{"buyerId":"b","items":[{"productId":1,"productName":"P","unitPrice":-5,"quantity":1}]}""", "items[0].unitPrice")]
    [InlineData("""{"buyerId":"b", "items": [""", "body")]
    public async Task Bad_order_body_returns_400_problem_naming_the_field(string json, string field)
    {
        var response = await _client.SendAsync(OrderRequests.PostRaw(json, Guid.NewGuid().ToString()));

        await AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Post_without_idempotency_key_returns_400_problem_naming_the_header()
    {
        var response = await _client.SendAsync(OrderRequests.Post(OrderRequests.Body("buyer-b"), idempotencyKey: null));

        await AssertValidationProblemAsync(response, OrderEndpoints.IdempotencyKeyHeader);
    }

    [Fact]
    public async Task Orders_are_created_only_with_a_service_token_for_orders_create()
    {
        using var anonymous = OrderRequests.Post(OrderRequests.Body("buyer-c"), Guid.NewGuid().ToString());
        anonymous.Headers.Authorization = null;
        using var asBuyer = OrderRequests.Post(OrderRequests.Body("buyer-c"), Guid.NewGuid().ToString()).WithBearer(TestTokens.Buyer("buyer-c"));

        var withoutToken = await _client.SendAsync(anonymous);
        var withBuyerToken = await _client.SendAsync(asBuyer);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal("application/problem+json", withoutToken.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, withBuyerToken.StatusCode);
        Assert.Equal("application/problem+json", withBuyerToken.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_buyer_lists_and_reads_only_their_own_orders_whatever_the_query_says()
    {
        var mine = $"buyer-{Guid.NewGuid():N}";
        var other = $"buyer-{Guid.NewGuid():N}";
        var created = await _client.SendAsync(OrderRequests.Post(OrderRequests.Body(other), Guid.NewGuid().ToString()));
        var othersId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var listed = await _client.GetFromJsonAsBuyerAsync<JsonElement[]>(mine, $"/api/orders?buyerId={other}");
        using var read = await _client.GetAsBuyerAsync(mine, $"/api/orders/{othersId}");
        using var streamed = await _client.GetAsBuyerAsync(mine, $"/api/orders/{othersId}/events", HttpCompletionOption.ResponseHeadersRead);

        Assert.Empty(listed!);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, streamed.StatusCode);
    }

    [Fact]
    public async Task Created_order_can_be_read_back_by_id_and_by_buyer()
    {
        var buyer = $"buyer-{Guid.NewGuid():N}";
        var created = await _client.SendAsync(
            OrderRequests.Post(OrderRequests.Body(buyer, unitPrice: 12.25m, quantity: 4), Guid.NewGuid().ToString()));
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = order.GetProperty("id").GetGuid();

        var byId = await _client.GetFromJsonAsBuyerAsync<JsonElement>(buyer, $"/api/orders/{id}");
        var byBuyer = await _client.GetFromJsonAsBuyerAsync<JsonElement[]>(buyer, "/api/orders");

        Assert.Equal(49.00m, byId.GetProperty("total").GetDecimal());
        Assert.Equal("Submitted", byId.GetProperty("status").GetString());
        Assert.Equal(id, Assert.Single(byBuyer!).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Unknown_order_returns_404_problem()
    {
        var response = await _client.GetAsBuyerAsync("buyer-unknown", $"/api/orders/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(field, errors);
    }
}
