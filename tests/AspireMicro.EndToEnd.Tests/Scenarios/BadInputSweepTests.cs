using System.Net;
using System.Text;
using AspireMicro.EndToEnd.Tests.Infrastructure;
using AspireMicro.EndToEnd.Tests.Telemetry;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

[Collection(SharedAppCollection.Name)]
public sealed class BadInputSweepTests(AppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Hundreds_of_malformed_and_hostile_requests_through_the_gateway_get_no_5xx_and_log_no_unhandled_exception()
    {
        var logsBefore = fixture.Telemetry.Logs.Count;
        var buyer = await fixture.Shop.NewBuyerAsync();
        var requests = HostileRequests.All(buyer.AccessToken).ToList();
        var statuses = new Dictionary<int, int>();
        var serverErrors = new List<string>();
        var proxyErrors = 0;
        var oversizedClosed = 0;
        foreach (var build in requests)
        {
            using var request = build();
            var line = $"{request.Method} {request.RequestUri}";
            try
            {
                using var response = await fixture.Gateway.SendAsync(request);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    serverErrors.Add($"{status} {line[..Math.Min(line.Length, 120)]}: {body[..Math.Min(body.Length, 200)]}");
                }
            }
            catch (HttpRequestException ex) when (IsOversized(request))
            {
                // The gateway answers 413 from Content-Length and closes the connection without reading 2 MiB;
                // the client may notice the close before it reads the 413. Either way the body was refused.
                oversizedClosed++;
                output.WriteLine($"oversized body refused by closing the connection: {line} ({ex.Message})");
            }
            catch (HttpRequestException ex)
            {
                proxyErrors++;
                output.WriteLine($"connection error on {line}: {ex.Message}");
            }
        }

        output.WriteLine($"{requests.Count} hostile requests: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; oversized bodies refused by connection close {oversizedClosed}; other connection errors {proxyErrors}");
        foreach (var error in serverErrors.Take(20))
        {
            output.WriteLine(error);
        }

        // Telemetry is exported in batches: wait until every service has exported metrics twice since the sweep
        // ended, by which time the logs of its last requests (same schedule) have been exported too.
        await OtlpFlush.WaitAsync(fixture.Telemetry, TimeSpan.FromSeconds(30));
        var logs = fixture.Telemetry.Logs.Skip(logsBefore).ToList();
        var unhandled = logs.Where(l => (l.IsErrorOrWorse && l.ExceptionType is not null) || l.Body.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase)).ToList();
        var failures = logs.Where(l => l.IsErrorOrWorse).ToList();
        output.WriteLine($"service log records during the sweep {logs.Count}; unhandled exceptions {unhandled.Count}; error/critical records {failures.Count}");
        foreach (var log in failures.Concat(unhandled).Take(10))
        {
            output.WriteLine($"  {log.Service}: {log.SeverityText} {log.ExceptionType} {log.Body}");
        }

        Assert.True(requests.Count >= 300, $"only {requests.Count} requests generated");
        Assert.Empty(serverErrors);
        Assert.Empty(unhandled);
        Assert.Equal(0, proxyErrors);
    }

    private static bool IsOversized(HttpRequestMessage request) => request.Content?.Headers.ContentLength > 1024 * 1024;
}
