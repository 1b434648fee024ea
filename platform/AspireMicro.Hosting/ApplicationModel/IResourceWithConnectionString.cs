namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>
/// A resource others reach through a connection string. The string is a late-bound
/// <see cref="ReferenceExpression"/>: resolved by the orchestrator, rendered symbolically by publishers.
/// </summary>
public interface IResourceWithConnectionString : IResource
{
    ReferenceExpression ConnectionStringExpression { get; }

    /// <summary>Name under <c>ConnectionStrings__</c>; defaults to the resource name.</summary>
    string ConnectionStringName => Name;
}
