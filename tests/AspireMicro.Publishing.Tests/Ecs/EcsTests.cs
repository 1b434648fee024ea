using System.Text.Json.Nodes;
using AspireMicro.Publishing.Tests.Infrastructure;

namespace AspireMicro.Publishing.Tests.Ecs;

[Collection(PublishedAppCollection.Name)]
public sealed class EcsTests(PublishedApp app)
{
    private string TemplatePath => Path.Combine(app.Ecs, "ecs-stack.json");

    private JsonObject Template => JsonNode.Parse(File.ReadAllText(TemplatePath))!.AsObject();

    private JsonObject Resources => Template["Resources"]!.AsObject();

    private IEnumerable<KeyValuePair<string, JsonNode?>> OfType(string type) => Resources.Where(r => (string?)r.Value!["Type"] == type);

    /// <summary>cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational.</summary>
    private static Task<(int ExitCode, string Stdout, string Stderr)> CfnLintAsync(string file) =>
        ProcessRunner.RunAsync("cfn-lint", Path.GetDirectoryName(file)!, ["--format", "parseable", file], TimeSpan.FromMinutes(3));

    [Fact]
    public async Task Cfn_lint_reports_no_error_and_no_warning()
    {
        var (exitCode, stdout, stderr) = await CfnLintAsync(TemplatePath);

        Assert.True(exitCode == 0, $"cfn-lint exit {exitCode}:\n{stdout}{stderr}");
    }

    [Fact]
    public async Task Cfn_lint_rejects_a_misspelled_attribute_and_property()
    {
        using var temp = new TempDirectory();
        var broken = temp.Combine("broken.json");
        File.WriteAllText(broken, File.ReadAllText(TemplatePath)
            .Replace("RedisCache.PrimaryEndPoint.Address", "RedisCache.PrimaryEndpoint.Address", StringComparison.Ordinal)
            .Replace("\"HealthCheckPath\"", "\"HealthCheckUrl\"", StringComparison.Ordinal));

        var (exitCode, stdout, _) = await CfnLintAsync(broken);

        Assert.True((exitCode & 2) != 0, stdout);
        Assert.Contains("PrimaryEndpoint", stdout);
        Assert.Contains("HealthCheckUrl", stdout);
    }

    [Fact]
    public void Every_project_has_a_repository_task_definition_fargate_service_and_cloud_map_entry_and_runs_non_root()
    {
        foreach (var name in PublishedApp.Projects)
        {
            var id = char.ToUpperInvariant(name[0]) + name[1..];
            Assert.Equal("AWS::ECR::Repository", (string?)Resources[id + "Repository"]!["Type"]);
            Assert.Equal(name, (string?)Resources[id + "Discovery"]!["Properties"]!["Name"]);
            var service = Resources[id + "Service"]!["Properties"]!;
            Assert.Equal("FARGATE", (string?)service["LaunchType"]);
            Assert.Equal(name == "catalog" ? 2 : 1, (int)service["DesiredCount"]!["Fn::If"]![1]!);
            var containers = Resources[id + "TaskDefinition"]!["Properties"]!["ContainerDefinitions"]!.AsArray();
            Assert.Equal("1654", (string?)containers[0]!["User"]);
            Assert.Equal("awslogs", (string?)containers[0]!["LogConfiguration"]!["LogDriver"]);
            Assert.StartsWith("public.ecr.aws/aws-observability/aws-otel-collector", (string?)containers[1]!["Image"]);
            Assert.Contains(containers[0]!["Environment"]!.AsArray(), e => (string?)e!["Name"] == "OTEL_EXPORTER_OTLP_ENDPOINT");
        }

        var taskRolePolicies = Resources["TaskRole"]!["Properties"]!["Policies"]!.ToJsonString();
        Assert.Contains("xray:PutTraceSegments", taskRolePolicies);
        Assert.Contains("cloudwatch:PutMetricData", taskRolePolicies);
    }

    [Fact]
    public void Backing_stores_map_to_rds_of_the_models_postgres_version_elasticache_and_amazon_mq()
    {
        var image = (string)JsonNode.Parse(PublishedApp.Read(app.Manifest, "aspire-manifest.json"))!["resources"]!["postgres"]!["image"]!;
        Assert.Equal(image[(image.LastIndexOf(':') + 1)..], (string?)Resources["PostgresDatabase"]!["Properties"]!["EngineVersion"]);
        Assert.Equal("postgres", (string?)Resources["PostgresDatabase"]!["Properties"]!["Engine"]);
        Assert.Equal("AWS::ElastiCache::ReplicationGroup", (string?)Resources["RedisCache"]!["Type"]);
        Assert.Equal("RABBITMQ", (string?)Resources["MessagingBroker"]!["Properties"]!["EngineType"]);
        Assert.DoesNotContain(OfType("AWS::ECS::TaskDefinition"), t => t.Value!.ToJsonString().Contains("docker.io/library/postgres", StringComparison.Ordinal));
    }

    [Fact]
    public void Connection_strings_are_task_secrets_built_by_dynamic_reference_never_plain_environment()
    {
        var catalog = Resources["CatalogTaskDefinition"]!["Properties"]!["ContainerDefinitions"]![0]!;
        var environment = catalog["Environment"]!.AsArray().Select(e => (string)e!["Name"]!).ToList();
        var secrets = catalog["Secrets"]!.AsArray().ToDictionary(e => (string)e!["Name"]!, e => (string)e!["ValueFrom"]!["Ref"]!);

        Assert.DoesNotContain(environment, n => n.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        Assert.Equal(["ConnectionStrings__catalogdb", "ConnectionStrings__messaging", "ConnectionStrings__redis"], secrets.Keys.Order());
        var secret = Resources[secrets["ConnectionStrings__catalogdb"]]!["Properties"]!["SecretString"]!["Fn::Sub"]!.ToString();
        Assert.Contains("${PostgresDatabase.Endpoint.Address}", secret);
        Assert.Contains("{{resolve:secretsmanager:${PostgresPasswordSecret}}}", secret);
        Assert.NotNull(Resources["PostgresPasswordSecret"]!["Properties"]!["GenerateSecretString"]);
        var readable = Resources["TaskExecutionRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]![0]!["Resource"]!
            .AsArray().Select(r => (string)r!["Ref"]!);
        Assert.Contains(secrets["ConnectionStrings__catalogdb"], readable);
    }

    [Fact]
    public void Service_discovery_uses_cloud_map_names()
    {
        var gateway = Resources["GatewayTaskDefinition"]!["Properties"]!["ContainerDefinitions"]![0]!["Environment"]!.AsArray();

        Assert.Equal("http://catalog.${AWS::StackName}.internal:8080", (string?)gateway.Single(e => (string?)e!["Name"] == "services__catalog__http__0")!["Value"]!["Fn::Sub"]);
    }

    [Fact]
    public void Security_groups_admit_only_services_that_reference_the_target_and_the_alb_fronts_only_external_projects()
    {
        var rules = OfType("AWS::EC2::SecurityGroupIngress").Select(r => r.Value!["Properties"]!).ToList();
        string Target(JsonNode rule) => (string)rule["GroupId"]!["Fn::GetAtt"]![0]!;
        string Source(JsonNode rule) => (string)rule["SourceSecurityGroupId"]!["Fn::GetAtt"]![0]!;

        Assert.Equal(["CatalogSecurityGroup", "IdentitySecurityGroup", "OrderingSecurityGroup", "PaymentSecurityGroup"], rules.Where(r => Target(r) == "PostgresSecurityGroup").Select(Source).Order());
        Assert.Equal(["BasketSecurityGroup", "GatewaySecurityGroup"], rules.Where(r => Target(r) == "CatalogSecurityGroup").Select(Source).Order());
        Assert.DoesNotContain(rules, r => Target(r) == "PaymentSecurityGroup");
        Assert.Equal(["GatewayTargetGroup", "IdentityTargetGroup", "StorefrontTargetGroup"], OfType("AWS::ElasticLoadBalancingV2::TargetGroup").Select(t => t.Key).Order());
        Assert.Equal("/health", (string?)Resources["GatewayTargetGroup"]!["Properties"]!["HealthCheckPath"]);
        Assert.Equal(["LoadBalancerListener", "StorefrontListenerRule"], Resources["StorefrontService"]!["DependsOn"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(["ImageTag", "PrivateSubnetIds", "PublicSubnetIds", "StartServices", "VpcId"], Template["Parameters"]!.AsObject().Select(p => p.Key).Order());
    }
}
