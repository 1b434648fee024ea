using System.Net;
using System.Net.Http.Headers;
using AspireMicro.Dashboard.Tests.Infrastructure;
using OpenTelemetry.Exporter;

namespace AspireMicro.Dashboard.Tests.Otlp;

/// <summary>OTLP requires x-otlp-api-key; rejected requests store nothing.</summary>
public sealed class ApiKeyTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Http_export_without_the_right_key_returns_401_and_stores_nothing(string? key)
    {
        using var client = new HttpClient();
        var (request, traceId) = OtlpPayloads.DistributedTrace("unauthorised");

        using var response = await OtlpHttpSender.PostAsync(client, fixture.Dashboard.HttpUrl + "/v1/traces", request, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var lookup = await fixture.Api.Client.GetAsync($"/api/telemetry/traces/{traceId}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Grpc_export_without_key_is_answered_with_unauthenticated_status()
    {
        using var client = new HttpClient();
        var (request, traceId) = OtlpPayloads.DistributedTrace("unauthorised-grpc");
        var message = Google.Protobuf.MessageExtensions.ToByteArray(request);
        var framed = new byte[5 + message.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
        message.CopyTo(framed, 5);
        using var call = new HttpRequestMessage(HttpMethod.Post, fixture.Dashboard.GrpcUrl + "/opentelemetry.proto.collector.trace.v1.TraceService/Export")
        {
            Content = new ByteArrayContent(framed),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        call.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");

        using var response = await client.SendAsync(call);

        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("16", GrpcStatus(response));
        using var lookup = await fixture.Api.Client.GetAsync($"/api/telemetry/traces/{traceId}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Real_exporter_with_wrong_key_stores_nothing(OtlpExportProtocol protocol)
    {
        var service = $"wrong-key-{protocol}".ToLowerInvariant();
        var wrong = new RealExporters(fixture.Dashboard, protocol, "not-the-key");
        var right = new RealExporters(fixture.Dashboard, protocol, fixture.Dashboard.Settings.ApiKey);

        // ForceFlush reports completion, not acceptance, so the evidence is in the store below.
        wrong.SendTrace(service, "rejected", "rejected child");
        // A correctly keyed export afterwards proves the dashboard was reachable and only the key was wrong.
        Assert.True(right.SendTrace(service + "-ok", "accepted", "accepted child"));

        await Eventually.ReturnsAsync(() => fixture.Api.TracesAsync($"service={service}-ok"), p => DashboardApi.Total(p) == 1, "the keyed trace");
        Assert.Equal(0, DashboardApi.Total(await fixture.Api.TracesAsync($"service={service}")));
    }

    internal static string? GrpcStatus(HttpResponseMessage response) =>
        response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.First()
        : response.Headers.TryGetValues("grpc-status", out var header) ? header.First() : null;
}
