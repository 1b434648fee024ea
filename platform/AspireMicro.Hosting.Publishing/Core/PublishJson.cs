using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AspireMicro.Hosting.Publishing;

/// <summary>How the JSON targets (manifest, CloudFormation) write their documents.</summary>
public static class PublishJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Read by tools and people, not browsers: keep '+', '&' and '<' readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(JsonNode document) => document.ToJsonString(Options);
}
