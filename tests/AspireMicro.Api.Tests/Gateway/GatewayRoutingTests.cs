using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;

namespace AspireMicro.Api.Tests.Gateway;

[Collection(ApiCollection.Name)]
public sealed class GatewayRoutingTests(ApiFixture fixture)
{
    [Fact]
    public async Task Catalog_requests_are_spread_over_both_replicas()
    {
        using var client = fixture.Gateway.CreateHttpClient();

        var servedBy = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/api/catalog/items?pageSize=1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            servedBy.Add(response.Headers.GetValues("X-Served-By").Single());
        }

        Assert.Equal(["catalog-0", "catalog-1"], servedBy.Order());
    }

    [Fact]
    public async Task Basket_routes_through_the_gateway()
    {
        using var client = fixture.Gateway.CreateHttpClient(await fixture.NewBuyerAsync());

        var response = await client.PostAsJsonAsync("/api/basket/items", new { productId = 8, quantity = 2 });

        response.EnsureSuccessStatusCode();
        var basket = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(8, basket.GetProperty("items")[0].GetProperty("productId").GetInt32());
    }

    [Fact]
    public async Task Client_correlation_id_is_echoed()
    {
        using var client = fixture.Gateway.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/items/1");
        request.Headers.Add("X-Correlation-Id", "test-correlation-42");

        var response = await client.SendAsync(request);

        Assert.Equal("test-correlation-42", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Missing_or_unsafe_correlation_id_is_replaced_by_a_generated_one()
    {
        using var client = fixture.Gateway.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/items/1");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>alert(1)</script>");

        var unsafeResponse = await client.SendAsync(request);
        var plainResponse = await client.GetAsync("/api/catalog/items/1");

        var replaced = unsafeResponse.Headers.GetValues("X-Correlation-Id").Single();
        var generated = plainResponse.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", replaced);
        Assert.Matches("^[0-9a-f]{32}$", generated);
        Assert.NotEqual(replaced, generated);
    }

    [Fact]
    public async Task Oversized_body_returns_413_problem_before_reaching_the_backend()
    {
        using var client = fixture.Gateway.CreateHttpClient();
        var body = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        body.Headers.ContentType = new("application/json");

        var response = await client.PutAsync("/api/catalog/items/1", body);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Fact]
    public async Task Oversized_body_413_closes_the_connection_so_the_next_request_on_the_client_succeeds()
    {
        using var client = fixture.Gateway.CreateHttpClient();
        var body = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
        body.Headers.ContentType = new("application/json");

        using var refused = await client.PutAsync("/api/catalog/items/1", body);
        using var next = await client.GetAsync("/api/catalog/items?pageSize=1");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.True(refused.Headers.ConnectionClose, "the 413 must carry Connection: close");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Oversized_chunked_body_without_content_length_returns_413_problem()
    {
        using var client = fixture.Gateway.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/catalog/items/1")
        {
            Content = new ByteArrayContent(new byte[5 * 1024 * 1024]),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);
        using var next = await client.GetAsync("/api/catalog/items?pageSize=1");

        Assert.Null(request.Content.Headers.ContentLength);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.True(response.Headers.ConnectionClose, "the 413 must carry Connection: close");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Chunked_body_within_the_limit_is_forwarded()
    {
        using var client = fixture.Gateway.CreateHttpClient(await fixture.AdminAsync());
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/catalog/items/1")
        {
            Content = JsonContent.Create(new { availableStock = -1 }),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        // Catalog's own validation names a field of the body: the body reached it whole (and nothing was written).
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "availableStock");
    }

    [Fact]
    public async Task Oversized_body_sent_with_expect_100_continue_is_refused_before_the_body_is_sent()
    {
        // A client that waits for "100 Continue" gets the 413 instead and never uploads the body.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) };
        using var client = new HttpClient(handler) { BaseAddress = fixture.Gateway.BaseAddress };
        var sent = 0L;
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/catalog/items/1")
        {
            Content = new CountingContent(new byte[2 * 1024 * 1024], bytes => sent += bytes),
        };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Equal(0L, sent);
    }

    [Fact]
    public async Task Backend_validation_problem_passes_through_the_gateway_unchanged()
    {
        using var client = fixture.Gateway.CreateHttpClient();

        var response = await client.GetAsync("/api/catalog/items?pageSize=500");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
    }

    /// <summary>A fixed body that reports how many bytes the client actually wrote to the connection.</summary>
    private sealed class CountingContent(byte[] body, Action<long> written) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            written(body.Length);
            await stream.WriteAsync(body);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
