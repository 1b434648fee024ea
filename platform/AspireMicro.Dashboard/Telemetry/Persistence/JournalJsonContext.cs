using System.Text.Json.Serialization;

namespace AspireMicro.Dashboard.Telemetry.Persistence;

/// <summary>Source-generated serialisation keeps journal writes cheap under ingestion load.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PersistedEntry))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
