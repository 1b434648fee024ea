using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AspireMicro.Hosting.Publishing.Rendering;

namespace AspireMicro.Hosting.Publishing.Ecs;

/// <summary>The template under construction, plus the bookkeeping the parts share (secrets, Fn::Sub variables).</summary>
internal sealed class EcsTemplate
{
    public const string VpcId = "VpcId";
    public const string PrivateSubnetIds = "PrivateSubnetIds";
    public const string PublicSubnetIds = "PublicSubnetIds";
    public const string ImageTag = "ImageTag";
    public const string StartServices = "StartServices";
    public const string StartServicesCondition = "StartServicesEnabled";
    public const string Cluster = "Cluster";
    public const string LogGroup = "LogGroup";
    public const string Namespace = "ServiceNamespace";
    public const string ExecutionRole = "TaskExecutionRole";
    public const string TaskRole = "TaskRole";
    public const string LoadBalancerSecurityGroup = "LoadBalancerSecurityGroup";

    public JsonObject Resources { get; } = [];

    public JsonObject Outputs { get; } = [];

    /// <summary>Variables for Fn::Sub that are not plain attributes (e.g. the broker host cut out of its AMQPS URL).</summary>
    public JsonObject SubVariables { get; } = [];

    /// <summary>Every Secrets Manager secret a task reads; the execution role may read exactly these.</summary>
    public SortedSet<string> SecretIds { get; } = new(StringComparer.Ordinal);

    public void Add(string logicalId, JsonObject resource) => Resources.Add(logicalId, resource);

    public static string SecretOf(ParameterResource parameter) => Cfn.Id(parameter, "Secret");

    /// <summary>Fn::Sub text: literals escaped (<c>${</c> → <c>${!</c>), parameters as Secrets Manager dynamic references.</summary>
    public static string SubText(RenderedValue value) => value.Join(part => part switch
    {
        LiteralPart literal => literal.Text.Replace("${", "${!", StringComparison.Ordinal),
        TokenPart token => token.Text,
        ParameterPart parameter => $"{{{{resolve:secretsmanager:${{{SecretOf(parameter.Parameter)}}}}}}}",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    });

    /// <summary>A plain value as a string when it has no substitutions, else Fn::Sub (with only the variables it uses).</summary>
    public JsonNode Value(RenderedValue value)
    {
        var text = SubText(value);
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return JsonValue.Create(text.Replace("${!", "${", StringComparison.Ordinal))!;
        }

        var used = new JsonObject();
        foreach (var (name, node) in SubVariables)
        {
            if (text.Contains($"${{{name}}}", StringComparison.Ordinal))
            {
                used[name] = node!.DeepClone();
            }
        }

        return used.Count == 0 ? Cfn.Sub(text) : Cfn.Sub(text, used);
    }
}
