using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// The app model sorted into what deployment targets deal in. Built once per publish by <see cref="DeploymentPlanBuilder"/>;
/// lists keep the model's declaration order, parameters are sorted by name.
/// </summary>
public sealed record DeploymentPlan(
    IReadOnlyList<ProjectDeployment> Projects,
    IReadOnlyList<INativeServerResource> BackingStores,
    IReadOnlyList<PostgresDatabaseResource> Databases,
    IReadOnlyList<ConnectionStringResource> ExternalConnections,
    IReadOnlyList<ParameterResource> Parameters)
{
    public IEnumerable<PostgresDatabaseResource> DatabasesOf(PostgresServerResource server) =>
        Databases.Where(d => ReferenceEquals(d.Server, server));

    /// <summary>Projects that reference <paramref name="resource"/>, directly or through one of its databases.</summary>
    public IEnumerable<ProjectDeployment> ProjectsReaching(IResource resource) =>
        Projects.Where(p => p.References.Any(r => ReferenceEquals(r, resource)
            || (r is IResourceWithParent child && ReferenceEquals(child.Parent, resource))));
}
