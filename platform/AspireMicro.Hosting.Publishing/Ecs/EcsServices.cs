using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AspireMicro.Hosting.Publishing.Rendering;

namespace AspireMicro.Hosting.Publishing.Ecs;

/// <summary>Per project: ECR repository, security group, Cloud Map service, Fargate task definition (app + OTel sidecar) and ECS service.</summary>
internal static class EcsServices
{
    public const string CollectorImage = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0";

    public static void Add(EcsTemplate template, ProjectDeployment project, EcsValueRenderer renderer, bool isDefaultTarget)
    {
        var repository = Cfn.Id(project.Resource, "Repository");
        template.Add(repository, Cfn.Resource("AWS::ECR::Repository", new JsonObject
        {
            ["ImageScanningConfiguration"] = new JsonObject { ["ScanOnPush"] = true },
        }));
        template.Outputs[repository + "Uri"] = new JsonObject { ["Value"] = Cfn.GetAtt(repository, "RepositoryUri") };

        template.Add(Cfn.Id(project.Resource, "SecurityGroup"), Cfn.Resource("AWS::EC2::SecurityGroup", new JsonObject
        {
            ["GroupDescription"] = $"{project.Name}: reachable only from the services that reference it",
            ["VpcId"] = Cfn.Ref(EcsTemplate.VpcId),
        }));
        var discovery = Cfn.Id(project.Resource, "Discovery");
        template.Add(discovery, Cfn.Resource("AWS::ServiceDiscovery::Service", new JsonObject
        {
            ["Name"] = project.DnsName,
            ["NamespaceId"] = Cfn.Ref(EcsTemplate.Namespace),
            ["DnsConfig"] = new JsonObject
            {
                ["RoutingPolicy"] = "MULTIVALUE",
                ["DnsRecords"] = Cfn.Array(new JsonObject { ["Type"] = "A", ["TTL"] = 10 }),
            },
            ["HealthCheckCustomConfig"] = new JsonObject { ["FailureThreshold"] = 1 },
        }));

        template.Add(Cfn.Id(project.Resource, "TaskDefinition"), TaskDefinition(template, project, repository, renderer));
        template.Add(Cfn.Id(project.Resource, "Service"), Service(project, discovery, isDefaultTarget));
    }

    private static JsonObject TaskDefinition(EcsTemplate template, ProjectDeployment project, string repository, EcsValueRenderer renderer)
    {
        var environment = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal)
        {
            // The collector sidecar shares the task's network namespace.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4317",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_SERVICE_NAME"] = project.Name,
        };
        if (project.Ports.Count > 0)
        {
            environment["ASPNETCORE_URLS"] = string.Join(';', project.Ports.Select(p => $"http://+:{p.ContainerPort}"));
        }

        var secrets = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var storeProperties = StorePropertyPrefixes(project);
        foreach (var (name, value) in project.Environment)
        {
            if (storeProperties.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                // Aspire's per-property variables of a referenced store (CATALOGDB_HOST, MESSAGING_URI…) describe the
                // container it would run; on ECS the store is a managed service with its own user, port and TLS, which
                // only the ConnectionStrings__* value expresses. The services read the connection strings.
                continue;
            }

            var rendered = renderer.Render(value);
            if (rendered.HasParameters)
            {
                secrets[name] = Cfn.Ref(SecretFor(template, project, name, rendered));
            }
            else
            {
                environment[name] = template.Value(rendered);
            }
        }

        var app = new JsonObject
        {
            ["Name"] = project.DnsName,
            ["Image"] = Cfn.Sub($"${{{repository}.RepositoryUri}}:${{{EcsTemplate.ImageTag}}}"),
            ["Essential"] = true,
            // The "app" user of Microsoft's .NET images: never root.
            ["User"] = "1654",
            ["PortMappings"] = new JsonArray([.. project.Ports.Select(p => (JsonNode?)new JsonObject
            {
                ["Name"] = p.Name,
                ["ContainerPort"] = p.ContainerPort,
                ["Protocol"] = "tcp",
            })]),
            ["Environment"] = new JsonArray([.. environment.Select(e => (JsonNode?)new JsonObject { ["Name"] = e.Key, ["Value"] = e.Value.DeepClone() })]),
            ["Secrets"] = new JsonArray([.. secrets.Select(e => (JsonNode?)new JsonObject { ["Name"] = e.Key, ["ValueFrom"] = e.Value.DeepClone() })]),
            ["DependsOn"] = Cfn.Array(new JsonObject { ["ContainerName"] = "otel-collector", ["Condition"] = "START" }),
            ["LogConfiguration"] = Logs(project.DnsName),
        };
        if (project.Args.Count > 0)
        {
            if (project.Args.Select(renderer.Render).Any(a => a.HasParameters))
            {
                throw new DistributedApplicationException($"Resource '{project.Name}' passes a parameter as a command-line argument; target 'ecs' can only pass secrets as environment variables.");
            }

            app["Command"] = new JsonArray([.. project.Args.Select(a => (JsonNode?)template.Value(renderer.Render(a)))]);
        }

        var collector = new JsonObject
        {
            ["Name"] = "otel-collector",
            ["Image"] = CollectorImage,
            ["Essential"] = true,
            // The image's default ECS configuration: OTLP in, traces to X-Ray, metrics to CloudWatch (EMF).
            ["Command"] = Cfn.Array("--config=/etc/ecs/ecs-default-config.yaml"),
            ["LogConfiguration"] = Logs("otel-collector"),
        };
        return Cfn.Resource("AWS::ECS::TaskDefinition", new JsonObject
        {
            ["Family"] = Cfn.Sub($"${{AWS::StackName}}-{project.DnsName}"),
            ["Cpu"] = "512",
            ["Memory"] = "1024",
            ["NetworkMode"] = "awsvpc",
            ["RequiresCompatibilities"] = Cfn.Array("FARGATE"),
            ["ExecutionRoleArn"] = Cfn.GetAtt(EcsTemplate.ExecutionRole, "Arn"),
            ["TaskRoleArn"] = Cfn.GetAtt(EcsTemplate.TaskRole, "Arn"),
            ["ContainerDefinitions"] = Cfn.Array(app, collector),
        });
    }

    /// <summary>
    /// A value with a password in it (a connection string) is assembled by CloudFormation into its own secret via a
    /// dynamic reference, so neither the template nor the task definition ever holds the password in plain text.
    /// One secret per variable name, shared by the projects that get the same value.
    /// </summary>
    private static string SecretFor(EcsTemplate template, ProjectDeployment project, string name, RenderedValue value)
    {
        if (value.Parts is [ParameterPart only])
        {
            return EcsTemplate.SecretOf(only.Parameter);
        }

        var content = template.Value(value);
        var id = Cfn.Id(name, "Secret");
        if (template.Resources[id] is JsonObject existing
            && !JsonNode.DeepEquals(existing["Properties"]?["SecretString"], content))
        {
            id = Cfn.Id(project.Name + "-" + name, "Secret");
        }

        if (template.Resources[id] is null)
        {
            template.Add(id, Cfn.Resource("AWS::SecretsManager::Secret", new JsonObject
            {
                ["Description"] = Cfn.Sub($"${{AWS::StackName}} {name}"),
                ["SecretString"] = content,
            }));
            template.SecretIds.Add(id);
        }

        return id;
    }

    private static JsonObject Service(ProjectDeployment project, string discovery, bool isDefaultTarget)
    {
        var service = new JsonObject
        {
            ["Cluster"] = Cfn.Ref(EcsTemplate.Cluster),
            ["LaunchType"] = "FARGATE",
            // Zero until the images are in ECR (first deploy with StartServices=false, push, then update with true).
            ["DesiredCount"] = new JsonObject { ["Fn::If"] = Cfn.Array(EcsTemplate.StartServicesCondition, project.Replicas, 0) },
            ["TaskDefinition"] = Cfn.Ref(Cfn.Id(project.Resource, "TaskDefinition")),
            ["NetworkConfiguration"] = new JsonObject
            {
                ["AwsvpcConfiguration"] = new JsonObject
                {
                    ["AssignPublicIp"] = "DISABLED",
                    ["Subnets"] = Cfn.Ref(EcsTemplate.PrivateSubnetIds),
                    ["SecurityGroups"] = Cfn.Array(Cfn.GetAtt(Cfn.Id(project.Resource, "SecurityGroup"), "GroupId")),
                },
            },
            ["ServiceRegistries"] = Cfn.Array(new JsonObject { ["RegistryArn"] = Cfn.GetAtt(discovery, "Arn") }),
        };
        var resource = Cfn.Resource("AWS::ECS::Service", service);
        if (project.IsExternal && project.HttpPort is not null)
        {
            service["LoadBalancers"] = Cfn.Array(new JsonObject
            {
                ["ContainerName"] = project.DnsName,
                ["ContainerPort"] = project.HttpPort!.ContainerPort,
                ["TargetGroupArn"] = Cfn.Ref(Cfn.Id(project.Resource, "TargetGroup")),
            });
            service["HealthCheckGracePeriodSeconds"] = 60;
            // The target group must be attached to the load balancer (listener or rule) before a service can register into it.
            resource["DependsOn"] = Cfn.Array(EcsLoadBalancer.Listener);
            if (!isDefaultTarget)
            {
                resource["DependsOn"]!.AsArray().Add(Cfn.Id(project.Resource, "ListenerRule"));
            }
        }

        return resource;
    }

    /// <summary>"CATALOGDB_", "REDIS_"…: the prefixes of the connection-property variables of the stores a project references.</summary>
    private static List<string> StorePropertyPrefixes(ProjectDeployment project) =>
    [
        .. project.References
            .Where(r => BackingStore.IsStore(r) || (r is IResourceWithParent child && BackingStore.IsStore(child.Parent)))
            .Select(r => r.Name.ToUpperInvariant().Replace('-', '_') + "_"),
    ];

    private static JsonObject Logs(string prefix) => new()
    {
        ["LogDriver"] = "awslogs",
        ["Options"] = new JsonObject
        {
            ["awslogs-group"] = Cfn.Ref(EcsTemplate.LogGroup),
            ["awslogs-region"] = Cfn.Ref("AWS::Region"),
            ["awslogs-stream-prefix"] = prefix,
        },
    };
}
