using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// Aspire's <see cref="DistributedApplicationModel"/> sorted into what deployment targets deal in, for one environment.
/// Built by <see cref="DeploymentPlanBuilder"/>; lists keep the model's declaration order, parameters are sorted by name.
/// </summary>
public sealed record DeploymentPlan(
    IReadOnlyList<ProjectDeployment> Projects,
    IReadOnlyList<BackingStore> BackingStores,
    IReadOnlyList<ParameterResource> Parameters)
{
    /// <summary>Projects that reference <paramref name="resource"/>, directly or through one of its databases.</summary>
    public IEnumerable<ProjectDeployment> ProjectsReaching(IResource resource) =>
        Projects.Where(p => p.References.Any(r => ReferenceEquals(r, resource)
            || (r is IResourceWithParent child && ReferenceEquals(child.Parent, resource))));
}
