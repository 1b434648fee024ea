using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// Walks Aspire's model once for one environment: resolves every project's environment and arguments with
/// <see cref="ExecutionConfigurationBuilder"/> in the publish-mode execution context (keeping the unprocessed values:
/// endpoint references, parameters, connection strings, expressions) and rejects what the target cannot express.
/// Parameters are never resolved.
/// </summary>
public static class DeploymentPlanBuilder
{
    public static async Task<DeploymentPlan> BuildAsync(
        DistributedApplicationModel model,
        IComputeEnvironmentResource environment,
        string target,
        DistributedApplicationExecutionContext executionContext,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var projects = new List<ProjectDeployment>();
        var stores = new List<BackingStore>();
        var parameters = new Dictionary<string, ParameterResource>(StringComparer.Ordinal);

        foreach (var resource in model.Resources)
        {
            if (resource is IComputeEnvironmentResource || !IsDeployedBy(resource, environment))
            {
                continue;
            }

            switch (resource)
            {
                case ProjectResource project:
                    projects.Add(await DescribeAsync(project, executionContext, logger, cancellationToken));
                    break;
                case ContainerResource container when BackingStore.IsStore(container):
                    var databases = model.Resources.OfType<PostgresDatabaseResource>().Where(d => ReferenceEquals(d.Parent, container));
                    var store = BackingStore.From(container, databases, target);
                    stores.Add(store);
                    parameters.TryAdd(store.Password.Name, store.Password);
                    break;
                case ParameterResource parameter:
                    parameters.TryAdd(parameter.Name, parameter);
                    break;
                case IComputeResource or ExecutableResource or ContainerResource:
                    throw Unsupported(resource, target);
                default:
                    // Databases, values and other non-compute resources only feed values into the ones above.
                    break;
            }
        }

        // A parameter used only in an environment value still needs a secret/input.
        foreach (var value in projects.SelectMany(p => p.Environment.Select(e => e.Value).Concat(p.Args)))
        {
            foreach (var parameter in Rendering.ValueRenderer.ParametersIn(value))
            {
                parameters.TryAdd(parameter.Name, parameter);
            }
        }

        return new DeploymentPlan(projects, stores, [.. parameters.Values.OrderBy(p => p.Name, StringComparer.Ordinal)]);
    }

    public static DistributedApplicationException Unsupported(IResource resource, string target) =>
        new($"Resource '{resource.Name}' ({resource.GetType().Name}) cannot be published to target '{target}': "
            + "only projects, Aspire's PostgreSQL/Redis/RabbitMQ (with databases) and parameters map to it.");

    /// <summary>
    /// With one compute environment Aspire binds every compute resource to it; with several, a resource goes to every
    /// the environment it is bound to (<c>WithComputeEnvironment</c>), or to all of ours when the AppHost bound it to none (see <c>PublishTargets</c>).
    /// Non-compute resources (parameters, databases) follow the resources that use them.
    /// </summary>
    private static bool IsDeployedBy(IResource resource, IComputeEnvironmentResource environment)
    {
        if (resource is not (IComputeResource or ExecutableResource))
        {
            return true;
        }

        if (resource.Annotations.OfType<AllDeploymentTargetsAnnotation>().Any())
        {
            return environment is DeploymentEnvironmentResource;
        }

        return resource.GetComputeEnvironment() is not { } bound || ReferenceEquals(bound, environment);
    }

    private static async Task<ProjectDeployment> DescribeAsync(
        ProjectResource project, DistributedApplicationExecutionContext executionContext, ILogger logger, CancellationToken cancellationToken)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(project)
            .WithEnvironmentVariablesConfig()
            .WithArgumentsConfig()
            .BuildAsync(executionContext, logger, cancellationToken);
        if (configuration.Exception is { } exception)
        {
            throw new DistributedApplicationException($"Resource '{project.Name}': {exception.Message}", exception);
        }

        var environment = configuration.EnvironmentVariablesWithUnprocessed
            .Select(e => new KeyValuePair<string, object>(e.Key, e.Value.Item1 ?? e.Value.Item2 ?? string.Empty))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        var args = configuration.ArgumentsWithUnprocessed.Select(a => a.Item1 ?? a.Item2 ?? string.Empty).ToList();
        var ports = project.Annotations.OfType<EndpointAnnotation>().Select(e => new ServicePort(e, ServicePort.For(project, e))).ToList();
        var replicas = project.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        return new ProjectDeployment(
            project,
            replicas,
            ports,
            environment,
            args,
            [.. project.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference" && r.Resource is not ParameterResource && !ReferenceEquals(r.Resource, project)).Select(r => r.Resource).Distinct()],
            [.. project.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource).Distinct()]);
    }
}
