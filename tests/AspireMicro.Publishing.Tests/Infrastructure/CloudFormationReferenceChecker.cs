using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AspireMicro.Publishing.Tests.Infrastructure;

/// <summary>Every Ref, Fn::GetAtt and Fn::Sub variable must name a parameter, resource (and a real attribute of it) or pseudo parameter.</summary>
public static partial class CloudFormationReferenceChecker
{
    private static readonly HashSet<string> Pseudo = ["AWS::AccountId", "AWS::Partition", "AWS::Region", "AWS::StackName", "AWS::URLSuffix"];

    public static List<string> Check(JsonObject template, CloudFormationSpec spec)
    {
        var resources = template["Resources"]!.AsObject();
        var parameters = template["Parameters"]?.AsObject() ?? [];
        var errors = new List<string>();

        void CheckRef(string name, string where)
        {
            if (!Pseudo.Contains(name) && !resources.ContainsKey(name) && !parameters.ContainsKey(name))
            {
                errors.Add($"{where}: Ref to unknown {name}");
            }
        }

        void CheckAttribute(string id, string attribute, string where)
        {
            if (resources[id] is not JsonObject resource)
            {
                errors.Add($"{where}: GetAtt on unknown resource {id}");
                return;
            }

            var type = (string)resource["Type"]!;
            if (spec.ResourceTypes[type]?["Attributes"]?[attribute] is null)
            {
                errors.Add($"{where}: {type} has no attribute {attribute}");
            }
        }

        void Walk(JsonNode? node, string where)
        {
            switch (node)
            {
                case JsonObject obj when obj.Count == 1 && obj.ContainsKey("Ref"):
                    CheckRef((string)obj["Ref"]!, where);
                    break;
                case JsonObject obj when obj.Count == 1 && obj.ContainsKey("Fn::GetAtt"):
                    CheckAttribute((string)obj["Fn::GetAtt"]![0]!, (string)obj["Fn::GetAtt"]![1]!, where);
                    break;
                case JsonObject obj when obj.Count == 1 && obj.ContainsKey("Fn::Sub"):
                    var sub = obj["Fn::Sub"]!;
                    var text = sub is JsonArray pair ? (string)pair[0]! : (string)sub!;
                    var variables = sub is JsonArray withVariables ? withVariables[1]!.AsObject() : [];
                    foreach (Match match in SubVariable().Matches(text))
                    {
                        var name = match.Groups[1].Value;
                        if (variables.ContainsKey(name))
                        {
                            continue;
                        }

                        if (name.Contains('.', StringComparison.Ordinal) && !name.StartsWith("AWS::", StringComparison.Ordinal))
                        {
                            CheckAttribute(name[..name.IndexOf('.', StringComparison.Ordinal)], name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..], where);
                        }
                        else
                        {
                            CheckRef(name, where);
                        }
                    }

                    foreach (var (_, value) in variables)
                    {
                        Walk(value, where);
                    }

                    break;
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        Walk(value, $"{where}.{key}");
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], $"{where}[{i}]");
                    }

                    break;
            }
        }

        Walk(resources, "Resources");
        Walk(template["Outputs"], "Outputs");
        foreach (var (id, resource) in resources)
        {
            foreach (var dependency in resource!["DependsOn"]?.AsArray() ?? [])
            {
                if (!resources.ContainsKey((string)dependency!))
                {
                    errors.Add($"{id}: DependsOn unknown {dependency}");
                }
            }
        }

        return errors;
    }

    [GeneratedRegex(@"\$\{(?!!)([^}]+)\}")]
    private static partial Regex SubVariable();
}
