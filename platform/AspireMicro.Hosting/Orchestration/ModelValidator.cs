using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Orchestration;

/// <summary>Checks the model before anything starts, so a mistake never leaves half an app running.</summary>
internal static class ModelValidator
{
    public static void Validate(DistributedApplicationModel model)
    {
        var known = new HashSet<IResource>(model.Resources, ReferenceEqualityComparer.Instance);
        foreach (var resource in model.Resources)
        {
            foreach (var target in Dependencies(resource))
            {
                if (!known.Contains(target))
                {
                    throw new DistributedApplicationException(
                        $"Resource '{resource.Name}' references unknown resource '{target.Name}' (it was not added to this app's builder).");
                }
            }
        }

        var state = new Dictionary<IResource, bool>(ReferenceEqualityComparer.Instance); // false = on the path, true = done
        foreach (var resource in model.Resources)
        {
            Visit(resource, state, []);
        }
    }

    private static IEnumerable<IResource> Dependencies(IResource resource) =>
        resource.GetWaitTargets()
            .Concat(resource.GetAnnotations<ResourceReferenceAnnotation>().Select(r => r.Resource));

    private static void Visit(IResource resource, Dictionary<IResource, bool> state, List<IResource> path)
    {
        if (state.TryGetValue(resource, out var done))
        {
            if (!done)
            {
                var cycle = path.SkipWhile(r => !ReferenceEquals(r, resource)).Append(resource).Select(r => r.Name);
                throw new DistributedApplicationException(
                    $"Resource '{resource.Name}' is part of a WaitFor cycle: {string.Join(" -> ", cycle)}.");
            }

            return;
        }

        state[resource] = false;
        path.Add(resource);
        foreach (var target in resource.GetWaitTargets())
        {
            Visit(target, state, path);
        }

        path.RemoveAt(path.Count - 1);
        state[resource] = true;
    }
}
