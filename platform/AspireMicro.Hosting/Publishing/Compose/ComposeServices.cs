using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Publishing.Rendering;

namespace AspireMicro.Hosting.Publishing.Compose;

/// <summary>
/// One compose service per resource, as plain dictionaries in a fixed key order (YamlDotNet keeps it).
/// Parameters become <c>${VAR:?…}</c> interpolations, filled by compose from <c>.env</c> at <c>up</c> time.
/// </summary>
internal static class ComposeServices
{
    public static string VariableOf(ParameterResource parameter) => parameter.Name.ToUpperInvariant().Replace('-', '_');

    public static string Interpolate(ParameterResource parameter) =>
        $"${{{VariableOf(parameter)}:?set {VariableOf(parameter)} in .env}}";

    public static string Text(RenderedValue value) => value.Join(part => part switch
    {
        // Compose would interpolate a literal '$'; '$$' is its escape.
        LiteralPart literal => literal.Text.Replace("$", "$$", StringComparison.Ordinal),
        TokenPart token => token.Text,
        ParameterPart parameter => Interpolate(parameter.Parameter),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    });

    public static Dictionary<string, object> BackingStore(INativeServerResource store)
    {
        var image = BackingStoreImage.For(store);
        var password = Interpolate(store.PasswordParameter);
        var service = new Dictionary<string, object>(StringComparer.Ordinal) { ["image"] = image.Image };
        var volumes = new List<string> { $"{store.Name.ToLowerInvariant()}-data:{image.DataPath}" };
        switch (store)
        {
            case PostgresServerResource:
                service["environment"] = Map(("POSTGRES_USER", PostgresServerResource.UserName), ("POSTGRES_PASSWORD", password));
                volumes.Add($"./{InitFolder(store)}:/docker-entrypoint-initdb.d:ro");
                service["healthcheck"] = HealthCheck("CMD", "pg_isready", "-U", PostgresServerResource.UserName);
                break;
            case RedisResource:
                service["command"] = new List<string> { "redis-server", "--requirepass", password, "--appendonly", "yes" };
                service["healthcheck"] = HealthCheck("CMD-SHELL", "redis-cli -a \"$$REDIS_PASSWORD\" --no-auth-warning ping | grep PONG");
                service["environment"] = Map(("REDIS_PASSWORD", password));
                break;
            case RabbitMQServerResource:
                service["environment"] = Map(("RABBITMQ_DEFAULT_USER", RabbitMQServerResource.UserName), ("RABBITMQ_DEFAULT_PASS", password));
                service["healthcheck"] = HealthCheck("CMD", "rabbitmq-diagnostics", "-q", "ping");
                break;
        }

        service["volumes"] = volumes;
        service["restart"] = "unless-stopped";
        return service;
    }

    public static Dictionary<string, object> Project(ProjectDeployment project, PublishSettings settings, ValueRenderer renderer, IReadOnlyDictionary<string, int> hostPorts)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = string.Join(';', project.Ports.Select(p => $"http://+:{p.ContainerPort}")),
            ["OTEL_SERVICE_NAME"] = project.Name,
        };
        foreach (var (key, value) in project.Environment)
        {
            environment[key] = Text(renderer.Render(value));
        }

        var service = new Dictionary<string, object>(StringComparer.Ordinal) { ["image"] = settings.ImageFor(project.Name) };
        if (project.Args.Count > 0)
        {
            service["command"] = project.Args.Select(a => Text(renderer.Render(a))).ToList();
        }

        service["environment"] = environment;
        if (project.IsExternal)
        {
            // Published on the host only for external endpoints; replicas > 1 cannot share a host port, so they get a random one.
            service["ports"] = project.Ports.Where(p => p.Endpoint.IsExternal)
                .Select(p => project.Replicas == 1 && hostPorts.TryGetValue($"{project.Name}/{p.Name}", out var host) ? $"{host}:{p.ContainerPort}" : $"{p.ContainerPort}")
                .ToList();
        }

        var dependsOn = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var target in project.WaitsFor.Concat(project.References).Select(Deployable).Distinct())
        {
            dependsOn[target.Name.ToLowerInvariant()] = new Dictionary<string, string>
            {
                ["condition"] = target is INativeServerResource && project.WaitsFor.Select(Deployable).Contains(target) ? "service_healthy" : "service_started",
            };
        }

        if (dependsOn.Count > 0)
        {
            service["depends_on"] = dependsOn;
        }

        if (project.Replicas > 1)
        {
            service["deploy"] = new Dictionary<string, object> { ["replicas"] = project.Replicas };
        }

        service["restart"] = "unless-stopped";
        return service;
    }

    public static string InitFolder(INativeServerResource store) => $"{store.Name.ToLowerInvariant()}-init";

    /// <summary>A database is not a service of its own: depending on it means depending on its server.</summary>
    private static IResource Deployable(IResource resource) => resource is IResourceWithParent child ? Deployable(child.Parent) : resource;

    private static SortedDictionary<string, string> Map(params (string Key, string Value)[] entries) =>
        new(entries.ToDictionary(e => e.Key, e => e.Value), StringComparer.Ordinal);

    private static Dictionary<string, object> HealthCheck(params string[] test) => new(StringComparer.Ordinal)
    {
        ["test"] = test.ToList(),
        ["interval"] = "5s",
        ["timeout"] = "5s",
        ["retries"] = 20,
    };
}
