using System.Diagnostics;
using AspireMicro.EndToEnd.Tests.Infrastructure;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

[Collection(SharedAppCollection.Name)]
public sealed class HappyPathTests(AppFixture fixture, ITestOutputHelper output)
{
    // analytics consumes the same events from the stream, so its spans join the trace too.
    private static readonly string[] CheckoutHops = ["gateway", "basket", "ordering", "catalog", "payment", "analytics"];

    [Fact]
    public void Starting_the_app_logs_no_error_in_any_service()
    {
        // The broker boots while the services start, so their first readiness probes fail: that is a warning, once.
        // (The first purchase is not covered: on a cold fresh clone basket's first call to ordering can still exceed
        // its 1.5 s budget, and the resilience handler logs that timeout as an error.)
        var logs = fixture.StartupLogs;
        var errors = logs.Where(l => l.IsErrorOrWorse).ToList();
        var warnings = logs.Where(l => l.SeverityNumber is >= 13 and < 17).ToList();
        output.WriteLine($"service log records from start to all healthy {logs.Count}; warnings {warnings.Count}; error/critical {errors.Count}");
        foreach (var log in errors.Concat(warnings).Take(20))
        {
            output.WriteLine($"  {log.Service}: {log.SeverityText} {log.ExceptionType} {log.Body}");
        }

        Assert.NotEmpty(logs);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Checkout_through_the_gateway_ends_Paid_and_one_trace_spans_every_hop()
    {
        output.WriteLine($"app started and healthy in {fixture.StartupTime.TotalSeconds:0.0} s; first checkout: {fixture.WarmUp}");
        var products = await fixture.Shop.SearchAsync();
        var product = products.First(p => p.AvailableStock > 0);
        var buyer = await fixture.Shop.NewBuyerAsync();
        await fixture.Shop.AddToBasketAsync(buyer, product.Id, 2);

        // Our own trace id on the checkout request, so the trace can be found without guessing.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/basket/checkout");
        checkout.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", buyer.AccessToken);
        checkout.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await fixture.Gateway.SendAsync(checkout);
        Assert.True(response.IsSuccessStatusCode, $"checkout answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var orderId = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<CheckoutResult>(
            response.Content, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!.OrderId;

        var order = await fixture.Shop.WaitForFinalAsync(new PlacedOrder(buyer, orderId), TimeSpan.FromSeconds(60));
        Assert.Equal("Paid", order.Status);
        Assert.Equal(product.Price * 2, order.Total);

        var spans = await Eventually.GetAsync(
            () => Task.FromResult(fixture.Telemetry.SpansOfTrace(traceId)),
            s => CheckoutHops.All(hop => s.Any(span => span.Service == hop)),
            TimeSpan.FromSeconds(30),
            $"spans from {string.Join(", ", CheckoutHops)} in trace {traceId}");
        foreach (var group in spans.GroupBy(s => s.Service).OrderBy(g => g.Key))
        {
            output.WriteLine($"trace {traceId}: {group.Key} {group.Count()} spans ({string.Join("; ", group.Select(s => s.Name).Distinct().Take(4))})");
        }

        var services = spans.Select(s => s.Service).Distinct().Count();
        output.WriteLine($"orders placed 1, Paid 1; spans {spans.Count} from {services} services");
        Assert.All(spans, s => Assert.Equal(traceId, s.TraceId));
        Assert.True(services >= 6, $"the checkout trace spans {services} services, not 6 or more");
    }
}
