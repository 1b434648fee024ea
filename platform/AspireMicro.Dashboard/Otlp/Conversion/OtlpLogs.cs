using System.Text.RegularExpressions;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Logs.V1;
using AspireMicro.Dashboard.Otlp.Proto.Logs.V1;
using AspireMicro.Dashboard.Telemetry.Model;
using AspireMicro.Dashboard.Telemetry.Storage;

namespace AspireMicro.Dashboard.Otlp.Conversion;

/// <summary>Maps an OTLP log export into stored log entries.</summary>
public static partial class OtlpLogs
{
    public static void Ingest(TelemetryStore store, ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = OtlpResources.ToResource(resourceLogs.Resource);
            var entries = resourceLogs.ScopeLogs
                .SelectMany(scope => scope.LogRecords.Select(record => ToEntry(record, resource, StringPool.Share(scope.Scope?.Name ?? ""))))
                .ToList();
            store.AddLogs(resource, entries);
        }
    }

    public static string LevelName(int severityNumber) => severityNumber switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "Unspecified",
    };

    private static LogEntry ToEntry(LogRecord record, TelemetryResource resource, string scope)
    {
        var attributes = OtlpValues.ToAttributes(record.Attributes);
        var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        return new LogEntry
        {
            TimeUnixNano = OtlpValues.ToNanos(time),
            SeverityNumber = (int)record.SeverityNumber,
            Level = LevelName((int)record.SeverityNumber),
            Message = RenderTemplate(OtlpValues.ToText(record.Body), attributes),
            TraceId = OtlpValues.ToHexId(record.TraceId),
            SpanId = OtlpValues.ToHexId(record.SpanId),
            Service = resource.Service,
            Instance = resource.Instance,
            Scope = scope,
            Attributes = attributes,
        };
    }

    /// <summary>
    /// The .NET exporter sends the message template as the body and the values as attributes; fill the
    /// placeholders so the list reads like the console output.
    /// </summary>
    private static string RenderTemplate(string body, TelemetryAttribute[] attributes)
    {
        if (attributes.Length == 0 || !body.Contains('{'))
        {
            return body;
        }

        return Placeholder().Replace(body, match =>
            attributes.FirstOrDefault(a => a.Key == match.Groups[1].Value)?.Value ?? match.Value);
    }

    [GeneratedRegex(@"\{@?([A-Za-z0-9_.]+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
