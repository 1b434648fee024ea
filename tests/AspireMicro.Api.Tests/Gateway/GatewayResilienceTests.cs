using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AspireMicro.Api.Tests.Infrastructure;

namespace AspireMicro.Api.Tests.Gateway;

[Collection(ApiCollection.Name)]
public sealed class GatewayResilienceTests(ApiFixture fixture)
{
    [Fact]
    public async Task Service_without_any_replica_returns_fast_503_problem()
    {
        using var client = fixture.Gateway.CreateHttpClient();
        var watch = Stopwatch.StartNew();

        // The fixture's gateway knows no analytics replica at all.
        var response = await client.GetAsync("/api/analytics/summary");

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Hung_backend_returns_503_within_the_activity_timeout()
    {
        // Accepts connections and then never answers, like a process stopped with SIGSTOP.
        using var hung = new TcpListener(IPAddress.Loopback, 0);
        hung.Start();
        var accepted = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await hung.AcceptTcpClientAsync());
            }
        });
        await using var gateway = fixture.StartGateway(new Dictionary<string, string?>
        {
            ["services:analytics:http:0"] = $"http://127.0.0.1:{((IPEndPoint)hung.LocalEndpoint).Port}",
            ["Gateway:HealthProbeInterval"] = "00:05:00",
            ["Gateway:ActivityTimeout"] = "00:00:02",
        });
        using var client = gateway.CreateHttpClient();
        var watch = Stopwatch.StartNew();

        var response = await client.GetAsync("/api/analytics/summary");

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.Contains("Retry-After"));
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(5));
        hung.Stop();
    }

    [Fact]
    public async Task Dead_replica_is_skipped_and_every_request_succeeds()
    {
        int deadPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            deadPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var gateway = fixture.StartGateway(new Dictionary<string, string?>
        {
            ["services:catalog:http:1"] = $"http://127.0.0.1:{deadPort}",
            // Long probe interval: the retry, not the health check, must hide the dead replica here.
            ["Gateway:HealthProbeInterval"] = "00:05:00",
        });
        using var client = gateway.CreateHttpClient();

        for (var i = 0; i < 8; i++)
        {
            var response = await client.GetAsync($"/api/catalog/items/{i + 1}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("catalog-0", response.Headers.GetValues("X-Served-By").Single());
        }
    }

    [Fact]
    public async Task Client_over_its_rate_limit_gets_429_with_retry_after_while_other_clients_pass()
    {
        await using var gateway = fixture.StartGateway(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitLimit"] = "3",
            ["Gateway:RateLimit:Window"] = "00:00:30",
        });
        using var client = gateway.CreateHttpClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await Send(client, "client-a");
            statuses.Add(response.StatusCode);
            rejected = response;
        }

        var other = await Send(client, "client-b");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await rejected!.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(rejected!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 30);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/items/1");
        request.Headers.Add("X-Api-Key", apiKey);
        return client.SendAsync(request);
    }
}
