using System.Text;
using System.Text.Json;
using AspireMicro.Dashboard.Telemetry.Model;
using AspireMicro.Dashboard.Telemetry.Persistence;

namespace AspireMicro.Dashboard.Tests.Infrastructure;

/// <summary>Writes a journal as a long-running dashboard would have left it, with the dashboard's own types and serialiser.</summary>
public static class JournalFile
{
    /// <summary>Single-span traces from <paramref name="service"/>, one journal line each; returns the first trace id.</summary>
    public static string WriteSpans(string folder, string service, int count)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds() * 1_000_000;
        using var writer = new StreamWriter(Path.Combine(folder, TelemetryJournal.FileName), append: false, new UTF8Encoding(false), 1 << 16);
        var resource = new TelemetryResource(service, service + "-1", [new TelemetryAttribute("service.name", service)]);
        writer.Write(JsonSerializer.Serialize(new PersistedEntry { Seq = 0, Resource = resource }, JournalJsonContext.Default.PersistedEntry));
        writer.Write('\n');
        string? first = null;
        for (var i = 1; i <= count; i++)
        {
            var traceId = Convert.ToHexStringLower(OtlpPayloads.NewTraceId());
            first ??= traceId;
            var span = new SpanRecord
            {
                Seq = i,
                TraceId = traceId,
                SpanId = Convert.ToHexStringLower(OtlpPayloads.NewSpanId()),
                Name = $"GET /journal/{i}",
                Kind = "Server",
                StartTimeUnixNano = start + i * 1_000_000L,
                EndTimeUnixNano = start + i * 1_000_000L + 500_000,
                Status = "Unset",
                Service = service,
                Instance = service + "-1",
                Attributes = [new TelemetryAttribute("http.request.method", "GET"), new TelemetryAttribute("url.path", $"/journal/{i}")],
            };
            writer.Write(JsonSerializer.Serialize(new PersistedEntry { Seq = i, Span = span }, JournalJsonContext.Default.PersistedEntry));
            writer.Write('\n');
        }

        return first!;
    }
}
