namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Typed reads over annotations; the orchestrator and every publisher use these instead of poking the collection.</summary>
public static class ResourceExtensions
{
    public static IEnumerable<T> GetAnnotations<T>(this IResource resource) where T : IResourceAnnotation =>
        resource.Annotations.OfType<T>();

    public static bool TryGetLastAnnotation<T>(this IResource resource, out T annotation) where T : class, IResourceAnnotation
    {
        annotation = resource.Annotations.OfType<T>().LastOrDefault()!;
        return annotation is not null;
    }

    public static IReadOnlyList<EndpointAnnotation> GetEndpointAnnotations(this IResource resource) =>
        [.. resource.Annotations.OfType<EndpointAnnotation>()];

    public static int GetReplicaCount(this IResource resource) =>
        resource.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1;

    /// <summary>Resources this one must wait for (explicit WaitFor plus the implicit parent of a child such as a database).</summary>
    public static IEnumerable<IResource> GetWaitTargets(this IResource resource)
    {
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            yield return wait.Resource;
        }

        if (resource is IResourceWithParent child)
        {
            yield return child.Parent;
        }
    }

    /// <summary>Runs the environment callbacks in order; values stay late-bound (strings, <see cref="IValueProvider"/>s or expressions).</summary>
    public static async Task<Dictionary<string, object>> GetEnvironmentAsync(
        this IResource resource, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken = default)
    {
        var context = new EnvironmentCallbackContext(executionContext, resource, cancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables;
    }

    public static async Task<List<object>> GetArgumentsAsync(
        this IResource resource, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken = default)
    {
        var context = new CommandLineArgsCallbackContext(executionContext, resource, cancellationToken);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.Args;
    }
}
