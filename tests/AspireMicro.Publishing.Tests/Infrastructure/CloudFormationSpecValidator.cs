using System.Text.Json.Nodes;

namespace AspireMicro.Publishing.Tests.Infrastructure;

/// <summary>Checks a template's resource types, property names and nested property types against <see cref="CloudFormationSpec"/>.</summary>
public static class CloudFormationSpecValidator
{
    public static List<string> Validate(JsonObject template, CloudFormationSpec spec)
    {
        var errors = new List<string>();
        foreach (var (id, resource) in template["Resources"]!.AsObject())
        {
            var type = (string)resource!["Type"]!;
            if (spec.ResourceTypes[type] is not JsonObject resourceSpec)
            {
                errors.Add($"{id}: unknown resource type {type}");
                continue;
            }

            CheckProperties(type, $"{id}", resource["Properties"]?.AsObject() ?? [], resourceSpec["Properties"]!.AsObject(), spec, errors);
        }

        return errors;
    }

    private static void CheckProperties(string resourceType, string path, JsonObject properties, JsonObject specProperties, CloudFormationSpec spec, List<string> errors)
    {
        foreach (var (name, required) in specProperties)
        {
            if ((bool?)required!["Required"] == true && !properties.ContainsKey(name))
            {
                errors.Add($"{path}: required property {name} missing");
            }
        }

        foreach (var (name, value) in properties)
        {
            if (specProperties[name] is not JsonObject propertySpec)
            {
                errors.Add($"{path}: unknown property {name}");
                continue;
            }

            if (value is JsonObject obj && IsIntrinsic(obj))
            {
                continue;
            }

            var type = (string?)propertySpec["Type"];
            if (type is "List" or "Map")
            {
                var itemType = (string?)propertySpec["ItemType"];
                if (itemType is null)
                {
                    continue;
                }

                IEnumerable<JsonNode?> items = value is JsonArray array ? array : value is JsonObject map && type == "Map" ? map.Select(kv => kv.Value) : [];
                var index = 0;
                foreach (var item in items)
                {
                    CheckNested(resourceType, $"{path}.{name}[{index++}]", item, itemType, spec, errors);
                }
            }
            else if (type is not null)
            {
                CheckNested(resourceType, $"{path}.{name}", value, type, spec, errors);
            }
        }
    }

    private static void CheckNested(string resourceType, string path, JsonNode? value, string typeName, CloudFormationSpec spec, List<string> errors)
    {
        if (value is not JsonObject obj || IsIntrinsic(obj))
        {
            return;
        }

        var key = typeName == "Tag" ? "Tag" : $"{resourceType}.{typeName}";
        if (spec.PropertyTypes[key]?["Properties"] is JsonObject nested)
        {
            CheckProperties(resourceType, path, obj, nested, spec, errors);
        }
        else
        {
            errors.Add($"{path}: property type {key} not in the specification");
        }
    }

    private static bool IsIntrinsic(JsonObject obj) => obj.Count == 1 && obj.First().Key is "Ref" or ['F', 'n', ':', ':', ..];
}
