using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Ecs;

/// <summary>
/// Ingress rules derived from WithReference: a resource's security group admits only the projects that reference it
/// (and the load balancer, for external projects). Separate rule resources avoid cycles between groups.
/// </summary>
internal static class EcsNetwork
{
    public static void Add(EcsTemplate template, DeploymentPlan plan)
    {
        foreach (var target in plan.Projects)
        {
            if (target.IsExternal && target.HttpPort is not null)
            {
                AddRule(template, target.Resource, EcsTemplate.LoadBalancerSecurityGroup, "LoadBalancer", target.HttpPort!.ContainerPort);
            }

            foreach (var source in plan.ProjectsReaching(target.Resource))
            {
                foreach (var port in target.Ports)
                {
                    AddRule(template, target.Resource, Cfn.Id(source.Resource, "SecurityGroup"), source.Name, port.ContainerPort);
                }
            }
        }

        foreach (var store in plan.BackingStores)
        {
            foreach (var source in plan.ProjectsReaching(store.Resource))
            {
                AddRule(template, store.Resource, Cfn.Id(source.Resource, "SecurityGroup"), source.Name, EcsBackingStores.PortOf(store));
            }
        }
    }

    private static void AddRule(EcsTemplate template, IResource target, string sourceGroup, string sourceName, int port)
    {
        var id = Cfn.Id($"{target.Name}-from-{sourceName}-{port}", "Ingress");
        template.Add(id, Cfn.Resource("AWS::EC2::SecurityGroupIngress", new JsonObject
        {
            ["GroupId"] = Cfn.GetAtt(Cfn.Id(target, "SecurityGroup"), "GroupId"),
            ["SourceSecurityGroupId"] = Cfn.GetAtt(sourceGroup, "GroupId"),
            ["IpProtocol"] = "tcp",
            ["FromPort"] = port,
            ["ToPort"] = port,
            ["Description"] = $"{sourceName} to {target.Name}",
        }));
    }
}
