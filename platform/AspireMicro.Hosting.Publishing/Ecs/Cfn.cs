using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Ecs;

/// <summary>CloudFormation building blocks as JSON nodes: intrinsic functions, resources and logical ids.</summary>
internal static class Cfn
{
    public static JsonObject Ref(string logicalId) => new() { ["Ref"] = logicalId };

    public static JsonObject GetAtt(string logicalId, string attribute) => new() { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };

    public static JsonObject Sub(string template) => new() { ["Fn::Sub"] = template };

    public static JsonObject Sub(string template, JsonObject variables) => new() { ["Fn::Sub"] = new JsonArray(template, variables) };

    public static JsonObject Resource(string type, JsonObject properties) => new() { ["Type"] = type, ["Properties"] = properties };

    public static JsonArray Array(params JsonNode?[] items) => new(items);

    public static JsonObject Tag(string key, JsonNode value) => new() { ["Key"] = key, ["Value"] = value };

    /// <summary>Logical ids are alphanumeric: "catalog" + "Service" → "CatalogService", "order-db" → "OrderDb".</summary>
    public static string Id(IResource resource, string suffix) => Id(resource.Name, suffix);

    public static string Id(string name, string suffix)
    {
        var id = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            id.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return id.Append(suffix).ToString();
    }
}
