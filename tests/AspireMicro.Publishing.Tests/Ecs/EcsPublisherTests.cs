using System.Text.Json.Nodes;
using AspireMicro.Publishing.Tests.Infrastructure;

namespace AspireMicro.Publishing.Tests.Ecs;

public sealed class EcsPublisherTests(EcsOutput output) : IClassFixture<EcsOutput>
{
    private static readonly string[] Projects = ["catalog", "ordering", "basket", "payment", "analytics", "gateway", "storefront"];

    [Fact]
    public void Every_resource_type_and_property_exists_in_the_cloudformation_specification()
    {
        var errors = CloudFormationSpecValidator.Validate(output.Template, CloudFormationSpec.Instance);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Every_ref_getatt_and_sub_variable_resolves_to_a_parameter_resource_or_real_attribute()
    {
        var errors = CloudFormationReferenceChecker.Check(output.Template, CloudFormationSpec.Instance);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_checks_reject_a_misspelled_attribute_property_and_resource_type()
    {
        var text = output.Read("ecs-stack.json")
            .Replace("RedisCache.PrimaryEndPoint.Address", "RedisCache.PrimaryEndpoint.Address", StringComparison.Ordinal)
            .Replace("\"HealthCheckPath\"", "\"HealthCheckUrl\"", StringComparison.Ordinal)
            .Replace("AWS::Logs::LogGroup", "AWS::Logs::LogGrop", StringComparison.Ordinal);
        var broken = JsonNode.Parse(text)!.AsObject();

        var references = CloudFormationReferenceChecker.Check(broken, CloudFormationSpec.Instance);
        var properties = CloudFormationSpecValidator.Validate(broken, CloudFormationSpec.Instance);

        Assert.Contains(references, e => e.Contains("has no attribute PrimaryEndpoint.Address", StringComparison.Ordinal));
        Assert.Contains(properties, e => e.Contains("unknown property HealthCheckUrl", StringComparison.Ordinal));
        Assert.Contains(properties, e => e.Contains("unknown resource type AWS::Logs::LogGrop", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_balanced_services_wait_for_the_listener_rule_that_attaches_their_target_group()
    {
        var dependsOn = output.Resources["StorefrontService"]!["DependsOn"]!.AsArray().Select(d => (string)d!);

        Assert.Equal(["LoadBalancerListener", "StorefrontListenerRule"], dependsOn);
    }

    [Fact]
    public void Every_project_has_a_repository_task_definition_fargate_service_and_cloud_map_entry()
    {
        foreach (var name in Projects)
        {
            var id = char.ToUpperInvariant(name[0]) + name[1..];
            Assert.Equal("AWS::ECR::Repository", (string?)output.Resources[id + "Repository"]!["Type"]);
            Assert.Equal(name, (string?)output.Resources[id + "Discovery"]!["Properties"]!["Name"]);
            var service = output.Resources[id + "Service"]!["Properties"]!;
            Assert.Equal("FARGATE", (string?)service["LaunchType"]);
            Assert.Equal(name == "catalog" ? 2 : 1, (int)service["DesiredCount"]!["Fn::If"]![1]!);
            Assert.Equal(0, (int)service["DesiredCount"]!["Fn::If"]![2]!);
            var containers = output.Resources[id + "TaskDefinition"]!["Properties"]!["ContainerDefinitions"]!.AsArray();
            Assert.Equal("awslogs", (string?)containers[0]!["LogConfiguration"]!["LogDriver"]);
            Assert.StartsWith("public.ecr.aws/aws-observability/aws-otel-collector", (string?)containers[1]!["Image"]);
        }
    }

    [Fact]
    public void Backing_stores_map_to_rds_elasticache_and_amazon_mq()
    {
        Assert.Equal("postgres", (string?)output.Resources["PostgresDatabase"]!["Properties"]!["Engine"]);
        Assert.Equal("AWS::RDS::DBSubnetGroup", (string?)output.Resources["PostgresSubnetGroup"]!["Type"]);
        Assert.Equal("AWS::ElastiCache::ReplicationGroup", (string?)output.Resources["RedisCache"]!["Type"]);
        Assert.Equal("RABBITMQ", (string?)output.Resources["MessagingBroker"]!["Properties"]!["EngineType"]);
        Assert.DoesNotContain(output.OfType("AWS::ECS::TaskDefinition"), t => t.Value!.ToJsonString().Contains("postgres:17", StringComparison.Ordinal));
    }

    [Fact]
    public void Connection_strings_are_task_secrets_never_plain_environment()
    {
        var catalog = output.Resources["CatalogTaskDefinition"]!["Properties"]!["ContainerDefinitions"]![0]!;
        var environment = catalog["Environment"]!.AsArray().Select(e => (string)e!["Name"]!).ToList();
        var secrets = catalog["Secrets"]!.AsArray().ToDictionary(e => (string)e!["Name"]!, e => (string)e!["ValueFrom"]!["Ref"]!);

        Assert.DoesNotContain(environment, n => n.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        Assert.Equal(["ConnectionStrings__catalogdb", "ConnectionStrings__messaging", "ConnectionStrings__redis"], secrets.Keys.Order());
        var secret = output.Resources[secrets["ConnectionStrings__catalogdb"]]!["Properties"]!["SecretString"]!["Fn::Sub"]!.ToString();
        Assert.Contains("${PostgresDatabase.Endpoint.Address}", secret);
        Assert.Contains("{{resolve:secretsmanager:${PostgresPasswordSecret}}}", secret);
        Assert.NotNull(output.Resources["PostgresPasswordSecret"]!["Properties"]!["GenerateSecretString"]);
        var readable = output.Resources["TaskExecutionRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]![0]!["Resource"]!
            .AsArray().Select(r => (string)r!["Ref"]!);
        Assert.Contains(secrets["ConnectionStrings__catalogdb"], readable);
    }

    [Fact]
    public void Service_discovery_uses_cloud_map_names()
    {
        var gateway = output.Resources["GatewayTaskDefinition"]!["Properties"]!["ContainerDefinitions"]![0]!["Environment"]!.AsArray();
        var catalog1 = gateway.Single(e => (string?)e!["Name"] == "services__catalog__http__1")!["Value"]!;

        Assert.Equal("http://catalog.${AWS::StackName}.internal:8080", (string?)catalog1["Fn::Sub"]);
    }

    [Fact]
    public void Security_groups_admit_only_services_that_reference_the_target()
    {
        var rules = output.OfType("AWS::EC2::SecurityGroupIngress").Select(r => r.Value!["Properties"]!).ToList();
        string Target(JsonNode rule) => (string)rule["GroupId"]!["Fn::GetAtt"]![0]!;
        string Source(JsonNode rule) => (string)rule["SourceSecurityGroupId"]!["Fn::GetAtt"]![0]!;

        Assert.Equal(["CatalogSecurityGroup"], rules.Where(r => Target(r) == "PostgresSecurityGroup" && (int)r["FromPort"]! == 5432)
            .Select(Source).Where(s => s == "CatalogSecurityGroup"));
        Assert.Equal(["CatalogSecurityGroup", "OrderingSecurityGroup", "PaymentSecurityGroup"],
            rules.Where(r => Target(r) == "PostgresSecurityGroup").Select(Source).Order());
        Assert.Equal(["BasketSecurityGroup", "GatewaySecurityGroup"], rules.Where(r => Target(r) == "CatalogSecurityGroup").Select(Source).Order());
        Assert.Equal(["LoadBalancerSecurityGroup"], rules.Where(r => Target(r) == "GatewaySecurityGroup").Select(Source).Distinct().Where(s => s == "LoadBalancerSecurityGroup"));
        Assert.DoesNotContain(rules, r => Target(r) == "PaymentSecurityGroup");
    }

    [Fact]
    public void Only_gateway_and_storefront_are_behind_the_load_balancer()
    {
        var targetGroups = output.OfType("AWS::ElasticLoadBalancingV2::TargetGroup").Select(t => t.Key).Order();
        var balanced = output.OfType("AWS::ECS::Service").Where(s => s.Value!["Properties"]!["LoadBalancers"] is not null).Select(s => s.Key).Order();

        Assert.Equal(["GatewayTargetGroup", "StorefrontTargetGroup"], targetGroups);
        Assert.Equal(["GatewayService", "StorefrontService"], balanced);
        Assert.Equal("/health", (string?)output.Resources["GatewayTargetGroup"]!["Properties"]!["HealthCheckPath"]);
    }

    [Fact]
    public void Template_takes_vpc_subnets_and_image_tag_as_parameters()
    {
        var parameters = output.Template["Parameters"]!.AsObject().Select(p => p.Key).Order();

        Assert.Equal(["ImageTag", "PrivateSubnetIds", "PublicSubnetIds", "StartServices", "VpcId"], parameters);
    }
}
