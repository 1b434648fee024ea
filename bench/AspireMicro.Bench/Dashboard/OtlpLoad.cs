using System.Diagnostics;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Logs.V1;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Trace.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace AspireMicro.Bench.Dashboard;

/// <summary>Raw OTLP/gRPC clients (generated from the dashboard's protos) pushing prebuilt batches from a few senders.</summary>
public sealed class OtlpLoad(string grpcUrl, string apiKey) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(grpcUrl, new GrpcChannelOptions { MaxSendMessageSize = 64 * 1024 * 1024 });
    private readonly Metadata _headers = new() { { "x-otlp-api-key", apiKey } };

    /// <summary>Sends every batch once, <paramref name="senders"/> at a time; returns elapsed seconds.</summary>
    public async Task<double> SendSpansAsync(IReadOnlyList<ExportTraceServiceRequest> batches, int senders)
    {
        var client = new TraceService.TraceServiceClient(_channel);
        return await RunAsync(batches.Count, senders, i => client.ExportAsync(batches[i], _headers).ResponseAsync);
    }

    public async Task<double> SendLogsAsync(IReadOnlyList<ExportLogsServiceRequest> batches, int senders)
    {
        var client = new LogsService.LogsServiceClient(_channel);
        return await RunAsync(batches.Count, senders, i => client.ExportAsync(batches[i], _headers).ResponseAsync);
    }

    private static async Task<double> RunAsync(int count, int senders, Func<int, Task> send)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await send(i);
            }
        }));
        return clock.Elapsed.TotalSeconds;
    }

    public void Dispose() => _channel.Dispose();
}
