using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Orchestration;

namespace AspireMicro.Hosting.Testing;

/// <summary>What a test needs from a running app: connection strings, HTTP clients, state and resource commands.</summary>
public static class DistributedApplicationTestingExtensions
{
    public static async Task<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        Find(app, resourceName) is IResourceWithConnectionString resource
            ? await resource.ConnectionStringExpression.GetValueAsync(cancellationToken)
            : throw new ArgumentException($"Resource '{resourceName}' has no connection string.", nameof(resourceName));

    /// <summary>An HttpClient whose BaseAddress is the endpoint of replica <paramref name="replicaIndex"/>.</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string endpointName = "http", int replicaIndex = 0)
    {
        if (Find(app, resourceName) is not IResourceWithEndpoints resource)
        {
            throw new ArgumentException($"Resource '{resourceName}' has no endpoints.", nameof(resourceName));
        }

        var endpoint = new EndpointReference(resource, endpointName, replicaIndex).GetAllocatedEndpoint();
        return new HttpClient { BaseAddress = new Uri(endpoint.Url) };
    }

    public static Uri GetEndpoint(this DistributedApplication app, string resourceName, string endpointName = "http", int replicaIndex = 0) =>
        Find(app, resourceName) is IResourceWithEndpoints resource
            ? new Uri(new EndpointReference(resource, endpointName, replicaIndex).GetAllocatedEndpoint().Url)
            : throw new ArgumentException($"Resource '{resourceName}' has no endpoints.", nameof(resourceName));

    public static Task StopResourceAsync(this DistributedApplication app, string name, CancellationToken ct = default) =>
        RunAsync(app, name, KnownResourceCommands.Stop, ct);

    public static Task StartResourceAsync(this DistributedApplication app, string name, CancellationToken ct = default) =>
        RunAsync(app, name, KnownResourceCommands.Start, ct);

    public static Task RestartResourceAsync(this DistributedApplication app, string name, CancellationToken ct = default) =>
        RunAsync(app, name, KnownResourceCommands.Restart, ct);

    public static Task KillResourceAsync(this DistributedApplication app, string name, CancellationToken ct = default) =>
        RunAsync(app, name, KnownResourceCommands.Kill, ct);

    public static Task PauseResourceAsync(this DistributedApplication app, string name, CancellationToken ct = default) =>
        RunAsync(app, name, KnownResourceCommands.Pause, ct);

    public static Task ResumeResourceAsync(this DistributedApplication app, string name, CancellationToken ct = default) =>
        RunAsync(app, name, KnownResourceCommands.Resume, ct);

    private static async Task RunAsync(DistributedApplication app, string name, string command, CancellationToken ct)
    {
        var result = await app.Orchestrator.ExecuteCommandAsync(name, command, ct);
        if (result != CommandResult.Accepted)
        {
            throw new InvalidOperationException($"Command '{command}' on '{name}': {result}.");
        }
    }

    private static IResource Find(DistributedApplication app, string name) =>
        app.Model.Find(name) ?? throw new ArgumentException($"No resource named '{name}'.", nameof(name));
}
