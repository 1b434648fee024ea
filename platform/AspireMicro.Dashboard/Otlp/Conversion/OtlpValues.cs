using System.Globalization;
using AspireMicro.Dashboard.Otlp.Proto.Common.V1;
using AspireMicro.Dashboard.Telemetry.Model;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace AspireMicro.Dashboard.Otlp.Conversion;

/// <summary>Flattens OTLP values to display text.</summary>
public static class OtlpValues
{
    public static string ToText(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(ToText)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {ToText(kv.Value)}")) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    };

    public static TelemetryAttribute[] ToAttributes(RepeatedField<KeyValue> attributes)
    {
        if (attributes.Count == 0)
        {
            return [];
        }

        var result = new TelemetryAttribute[attributes.Count];
        for (var i = 0; i < attributes.Count; i++)
        {
            result[i] = new TelemetryAttribute(StringPool.Share(attributes[i].Key), StringPool.Share(ToText(attributes[i].Value)));
        }

        return result;
    }

    /// <summary>Trace and span ids as lower-case hex; empty ids (not set) become null.</summary>
    public static string? ToHexId(ByteString id) => id.IsEmpty ? null : Convert.ToHexStringLower(id.Span);

    /// <summary>OTLP times are unsigned; anything beyond long range is garbage, so clamp rather than overflow.</summary>
    public static long ToNanos(ulong unixNano) => unixNano > long.MaxValue ? long.MaxValue : (long)unixNano;
}
