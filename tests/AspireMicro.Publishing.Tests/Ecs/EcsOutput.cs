using System.Text.Json.Nodes;
using AspireMicro.Publishing.Tests.Infrastructure;

namespace AspireMicro.Publishing.Tests.Ecs;

public sealed class EcsOutput : PublishedOutput
{
    protected override string Target => "ecs";

    public JsonObject Template => JsonNode.Parse(Read("ecs-stack.json"))!.AsObject();

    public JsonObject Resources => Template["Resources"]!.AsObject();

    public IEnumerable<KeyValuePair<string, JsonNode?>> OfType(string type) => Resources.Where(r => (string?)r.Value!["Type"] == type);
}
