using System.Text.Json.Nodes;

namespace AspireMicro.Hosting.Publishing.Ecs;

/// <summary>
/// One internet-facing ALB for the projects with external endpoints: the first is the listener's default,
/// the others are routed by host header ({name}.{domain}).
/// </summary>
internal static class EcsLoadBalancer
{
    public const string LoadBalancer = "LoadBalancer";
    public const string Listener = "LoadBalancerListener";

    public static void Add(EcsTemplate template, IReadOnlyList<ProjectDeployment> external, PublishSettings settings)
    {
        if (external.Count == 0)
        {
            return;
        }

        template.Add(LoadBalancer, Cfn.Resource("AWS::ElasticLoadBalancingV2::LoadBalancer", new JsonObject
        {
            ["Type"] = "application",
            ["Scheme"] = "internet-facing",
            ["Subnets"] = Cfn.Ref(EcsTemplate.PublicSubnetIds),
            ["SecurityGroups"] = Cfn.Array(Cfn.GetAtt(EcsTemplate.LoadBalancerSecurityGroup, "GroupId")),
        }));
        foreach (var project in external)
        {
            template.Add(Cfn.Id(project.Resource, "TargetGroup"), Cfn.Resource("AWS::ElasticLoadBalancingV2::TargetGroup", new JsonObject
            {
                ["TargetType"] = "ip",
                ["Protocol"] = "HTTP",
                ["Port"] = project.HttpPort!.ContainerPort,
                ["VpcId"] = Cfn.Ref(EcsTemplate.VpcId),
                ["HealthCheckPath"] = ProjectDeployment.HealthPath,
                ["HealthCheckIntervalSeconds"] = 15,
                ["Matcher"] = new JsonObject { ["HttpCode"] = "200" },
            }));
        }

        template.Add(Listener, Cfn.Resource("AWS::ElasticLoadBalancingV2::Listener", new JsonObject
        {
            ["LoadBalancerArn"] = Cfn.Ref(LoadBalancer),
            ["Port"] = 80,
            ["Protocol"] = "HTTP",
            ["DefaultActions"] = Cfn.Array(Forward(external[0])),
        }));
        for (var i = 1; i < external.Count; i++)
        {
            template.Add(Cfn.Id(external[i].Resource, "ListenerRule"), Cfn.Resource("AWS::ElasticLoadBalancingV2::ListenerRule", new JsonObject
            {
                ["ListenerArn"] = Cfn.Ref(Listener),
                ["Priority"] = i,
                ["Conditions"] = Cfn.Array(new JsonObject
                {
                    ["Field"] = "host-header",
                    ["HostHeaderConfig"] = new JsonObject { ["Values"] = Cfn.Array($"{external[i].DnsName}.{settings.Domain}") },
                }),
                ["Actions"] = Cfn.Array(Forward(external[i])),
            }));
        }

        template.Outputs["LoadBalancerUrl"] = new JsonObject { ["Value"] = Cfn.Sub($"http://${{{LoadBalancer}.DNSName}}") };
    }

    private static JsonObject Forward(ProjectDeployment project) => new()
    {
        ["Type"] = "forward",
        ["TargetGroupArn"] = Cfn.Ref(Cfn.Id(project.Resource, "TargetGroup")),
    };
}
