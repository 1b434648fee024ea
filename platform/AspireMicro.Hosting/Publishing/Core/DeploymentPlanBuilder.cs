using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>Walks the inert model once: runs environment/argument callbacks in publish mode and rejects what the target cannot express.</summary>
public static class DeploymentPlanBuilder
{
    public static async Task<DeploymentPlan> BuildAsync(
        DistributedApplicationModel model, PublishOptions options, CancellationToken cancellationToken)
    {
        var projects = new List<ProjectDeployment>();
        var stores = new List<INativeServerResource>();
        var databases = new List<PostgresDatabaseResource>();
        var connections = new List<ConnectionStringResource>();
        var parameters = new Dictionary<string, ParameterResource>(StringComparer.Ordinal);

        foreach (var resource in model.Resources)
        {
            switch (resource)
            {
                case ProjectResource project:
                    projects.Add(await DescribeAsync(project, options, cancellationToken));
                    break;
                case INativeServerResource store:
                    stores.Add(store);
                    parameters.TryAdd(store.PasswordParameter.Name, store.PasswordParameter);
                    break;
                case PostgresDatabaseResource database:
                    databases.Add(database);
                    break;
                case ConnectionStringResource connection:
                    connections.Add(connection);
                    parameters.TryAdd(connection.Value.Name, connection.Value);
                    break;
                case ParameterResource parameter:
                    parameters.TryAdd(parameter.Name, parameter);
                    break;
                default:
                    throw Unsupported(resource, options.Target);
            }
        }

        // A parameter used only in an environment value (not added to the model) still needs a secret/input.
        foreach (var value in projects.SelectMany(p => p.Environment.Select(e => e.Value).Concat(p.Args)))
        {
            foreach (var parameter in ParametersIn(value))
            {
                parameters.TryAdd(parameter.Name, parameter);
            }
        }

        return new DeploymentPlan(projects, stores, databases, connections, [.. parameters.Values.OrderBy(p => p.Name, StringComparer.Ordinal)]);
    }

    public static DistributedApplicationException Unsupported(IResource resource, string target) =>
        new($"Resource '{resource.Name}' ({resource.GetType().Name}) cannot be published to target '{target}': "
            + "only projects, PostgreSQL/Redis/RabbitMQ, databases, parameters and connection strings map to it.");

    private static async Task<ProjectDeployment> DescribeAsync(ProjectResource project, PublishOptions options, CancellationToken cancellationToken)
    {
        var environment = await project.GetEnvironmentAsync(options.ExecutionContext, cancellationToken);
        var args = await project.GetArgumentsAsync(options.ExecutionContext, cancellationToken);
        var ports = project.GetEndpointAnnotations().Select(e => new ServicePort(e, ServicePort.For(project, e))).ToList();
        return new ProjectDeployment(
            project,
            project.GetReplicaCount(),
            ports,
            [.. environment.OrderBy(e => e.Key, StringComparer.Ordinal)],
            args,
            [.. project.GetAnnotations<ResourceReferenceAnnotation>().Select(r => r.Resource).Distinct()],
            [.. project.GetWaitTargets().Distinct()]);
    }

    private static IEnumerable<ParameterResource> ParametersIn(object value) => value switch
    {
        ParameterResource parameter => [parameter],
        ReferenceExpression expression => expression.ValueProviders.SelectMany(p => ParametersIn(p)),
        ConnectionStringReference reference => ParametersIn(reference.Resource.ConnectionStringExpression),
        _ => [],
    };
}
