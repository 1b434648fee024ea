using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AspireMicro.Dashboard.Tests.Infrastructure;

namespace AspireMicro.Dashboard.Tests.Otlp;

/// <summary>Garbage in is a protocol error for that request only; the dashboard keeps serving.</summary>
public sealed class MalformedPayloadTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly byte[] Garbage = [0x0f, 0xff, 0xff, 0xff, 0x07, 0x61, 0x62];

    [Theory]
    [InlineData("/v1/traces")]
    [InlineData("/v1/logs")]
    [InlineData("/v1/metrics")]
    public async Task Http_garbage_returns_400_problem_and_the_server_still_ingests(string path)
    {
        using var client = new HttpClient();

        using var bad = await OtlpHttpSender.PostBytesAsync(client, fixture.Dashboard.HttpUrl + path, Garbage, fixture.Dashboard.Settings.ApiKey);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["body"]);

        var service = "after-garbage" + path.Replace('/', '-');
        using var good = await OtlpHttpSender.PostAsync(client, fixture.Dashboard.HttpUrl + "/v1/logs", OtlpPayloads.Logs(service, "still alive"), fixture.Dashboard.Settings.ApiKey);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(1, DashboardApi.Total(await fixture.Api.LogsAsync($"service={service}")));
    }

    [Fact]
    public async Task Http_json_body_is_refused_with_415()
    {
        using var client = new HttpClient();
        using var content = new StringContent("{\"resourceSpans\":[]}", new MediaTypeHeaderValue("application/json"));
        content.Headers.Add("x-otlp-api-key", fixture.Dashboard.Settings.ApiKey);

        using var response = await client.PostAsync(fixture.Dashboard.HttpUrl + "/v1/traces", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Grpc_garbage_returns_invalid_argument_and_the_server_still_ingests()
    {
        using var client = new HttpClient();
        var framed = new byte[5 + Garbage.Length];
        framed[4] = (byte)Garbage.Length;
        Garbage.CopyTo(framed, 5);
        using var call = new HttpRequestMessage(HttpMethod.Post, fixture.Dashboard.GrpcUrl + "/opentelemetry.proto.collector.logs.v1.LogsService/Export")
        {
            Content = new ByteArrayContent(framed),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        call.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        call.Headers.Add("x-otlp-api-key", fixture.Dashboard.Settings.ApiKey);

        using var response = await client.SendAsync(call);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("3", ApiKeyTests.GrpcStatus(response));
        var exporters = new RealExporters(fixture.Dashboard, OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, fixture.Dashboard.Settings.ApiKey);
        Assert.True(exporters.SendTrace("after-grpc-garbage", "still", "alive"));
        await Eventually.ReturnsAsync(() => fixture.Api.TracesAsync("service=after-grpc-garbage"), p => DashboardApi.Total(p) == 1, "a trace after the garbage");
    }
}
