using System.Text.Json.Nodes;

namespace AspireMicro.Hosting.Publishing.Ecs;

/// <summary>Cluster, log group, Cloud Map namespace, IAM roles and the load balancer's security group.</summary>
internal static class EcsFoundation
{
    public static JsonObject Parameters(PublishSettings settings) => new()
    {
        [EcsTemplate.VpcId] = new JsonObject { ["Type"] = "AWS::EC2::VPC::Id", ["Description"] = "VPC to deploy into." },
        [EcsTemplate.PrivateSubnetIds] = new JsonObject
        {
            ["Type"] = "List<AWS::EC2::Subnet::Id>",
            ["Description"] = "Private subnets (with a NAT route) for tasks, RDS, ElastiCache and Amazon MQ; at least two AZs.",
        },
        [EcsTemplate.PublicSubnetIds] = new JsonObject
        {
            ["Type"] = "List<AWS::EC2::Subnet::Id>",
            ["Description"] = "Public subnets for the Application Load Balancer; at least two AZs.",
        },
        [EcsTemplate.ImageTag] = new JsonObject
        {
            ["Type"] = "String",
            ["Default"] = settings.Tag,
            ["Description"] = "Tag of the project images pushed to the ECR repositories of this stack.",
        },
        [EcsTemplate.StartServices] = new JsonObject
        {
            ["Type"] = "String",
            ["AllowedValues"] = new JsonArray("true", "false"),
            ["Default"] = "false",
            ["Description"] = "false: services run 0 tasks (the ECR repositories are empty on the first deploy); true once images are pushed.",
        },
    };

    public static void Add(EcsTemplate template)
    {
        template.Add(EcsTemplate.Cluster, Cfn.Resource("AWS::ECS::Cluster", new JsonObject
        {
            ["ClusterSettings"] = Cfn.Array(new JsonObject { ["Name"] = "containerInsights", ["Value"] = "enabled" }),
        }));
        template.Add(EcsTemplate.LogGroup, Cfn.Resource("AWS::Logs::LogGroup", new JsonObject
        {
            ["LogGroupName"] = Cfn.Sub("/aspiremicro/${AWS::StackName}"),
            ["RetentionInDays"] = 30,
        }));
        template.Add(EcsTemplate.Namespace, Cfn.Resource("AWS::ServiceDiscovery::PrivateDnsNamespace", new JsonObject
        {
            ["Name"] = Cfn.Sub(EcsValueRenderer.NamespaceSuffix),
            ["Vpc"] = Cfn.Ref(EcsTemplate.VpcId),
            ["Description"] = "Service discovery for the projects (services__{name}__http__0 points here).",
        }));
        template.Add(EcsTemplate.LoadBalancerSecurityGroup, Cfn.Resource("AWS::EC2::SecurityGroup", new JsonObject
        {
            ["GroupDescription"] = "Application Load Balancer: HTTP from anywhere",
            ["VpcId"] = Cfn.Ref(EcsTemplate.VpcId),
            ["SecurityGroupIngress"] = Cfn.Array(new JsonObject
            {
                ["IpProtocol"] = "tcp",
                ["FromPort"] = 80,
                ["ToPort"] = 80,
                ["CidrIp"] = "0.0.0.0/0",
            }),
        }));
    }

    /// <summary>Added last: the execution role may read exactly the secrets the task definitions reference.</summary>
    public static void AddRoles(EcsTemplate template)
    {
        var secretArns = new JsonArray([.. template.SecretIds.Select(id => (JsonNode?)Cfn.Ref(id))]);
        var executionPolicies = new JsonArray();
        if (secretArns.Count > 0)
        {
            executionPolicies.Add(Policy("read-secrets", Statement(["secretsmanager:GetSecretValue"], secretArns)));
        }

        template.Add(EcsTemplate.ExecutionRole, Cfn.Resource("AWS::IAM::Role", new JsonObject
        {
            ["AssumeRolePolicyDocument"] = AssumeByEcsTasks(),
            ["ManagedPolicyArns"] = Cfn.Array(Cfn.Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")),
            ["Policies"] = executionPolicies,
        }));
        // The OpenTelemetry collector sidecar runs with the task role: it sends traces to X-Ray, metrics to CloudWatch.
        template.Add(EcsTemplate.TaskRole, Cfn.Resource("AWS::IAM::Role", new JsonObject
        {
            ["AssumeRolePolicyDocument"] = AssumeByEcsTasks(),
            ["Policies"] = Cfn.Array(
                Policy("xray-write", Statement(
                    ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"],
                    Cfn.Array("*"))),
                Policy("otel-metrics", Statement(
                    ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:DescribeLogGroups", "cloudwatch:PutMetricData"],
                    Cfn.Array("*")))),
        }));
    }

    private static JsonObject AssumeByEcsTasks() => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = Cfn.Array(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "ecs-tasks.amazonaws.com" },
            ["Action"] = "sts:AssumeRole",
        }),
    };

    private static JsonObject Policy(string name, JsonObject statement) => new()
    {
        ["PolicyName"] = name,
        ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = Cfn.Array(statement) },
    };

    private static JsonObject Statement(string[] actions, JsonArray resources) => new()
    {
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray([.. actions.Select(a => (JsonNode?)JsonValue.Create(a))]),
        ["Resource"] = resources,
    };
}
