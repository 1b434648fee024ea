using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
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

    public static Dictionary<string, object> BackingStore(BackingStore store)
    {
        var password = Interpolate(store.Password);
        var service = new Dictionary<string, object>(StringComparer.Ordinal) { ["image"] = store.Image };
        var volumes = new List<string> { $"{store.DnsName}-data:{store.DataPath}" };
        switch (store.Resource)
        {
            case PostgresServerResource:
                service["environment"] = Map(("POSTGRES_USER", store.UserName), ("POSTGRES_PASSWORD", password), ("PGDATA", $"{store.DataPath}/pgdata"));
                volumes.Add($"./{InitFolder(store)}:/docker-entrypoint-initdb.d:ro");
                service["healthcheck"] = HealthCheck("CMD", "pg_isready", "-U", store.UserName);
                break;
            case RedisResource:
                service["command"] = new List<string> { "redis-server", "--requirepass", password, "--appendonly", "yes" };
                service["healthcheck"] = HealthCheck("CMD-SHELL", "redis-cli -a \"$$REDIS_PASSWORD\" --no-auth-warning ping | grep PONG");
                service["environment"] = Map(("REDIS_PASSWORD", password));
                break;
            case RabbitMQServerResource:
                service["environment"] = Map(("RABBITMQ_DEFAULT_USER", store.UserName), ("RABBITMQ_DEFAULT_PASS", password));
                service["healthcheck"] = HealthCheck("CMD", "rabbitmq-diagnostics", "-q", "ping");
                break;
        }

        service["volumes"] = volumes;
        // The images' own server user (uid 999 in all three); named volumes inherit its ownership of the data path.
        service["user"] = "999:999";
        service["security_opt"] = new List<string> { "no-new-privileges:true" };
        service["restart"] = "unless-stopped";
        return service;
    }

    public static Dictionary<string, object> Project(ProjectDeployment project, PublishSettings settings, ValueRenderer renderer, IReadOnlyDictionary<string, int> hostPorts)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            // Telemetry to the collector service next to the app (OTLP/gRPC), which the operator points onwards.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = OpenTelemetryCollector.GrpcEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_SERVICE_NAME"] = project.Name,
        };
        if (project.Ports.Count > 0)
        {
            environment["ASPNETCORE_URLS"] = string.Join(';', project.Ports.Select(p => $"http://+:{p.ContainerPort}"));
        }

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
        service["user"] = "1654";
        service["cap_drop"] = new List<string> { "ALL" };
        service["security_opt"] = new List<string> { "no-new-privileges:true" };
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
                ["condition"] = Publishing.BackingStore.IsStore(target) && project.WaitsFor.Select(Deployable).Contains(target) ? "service_healthy" : "service_started",
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

    public static string InitFolder(BackingStore store) => $"{store.DnsName}-init";

    /// <summary>The collector service (<see cref="OpenTelemetryCollector"/>).</summary>
    public static Dictionary<string, object> Collector() => new(StringComparer.Ordinal)
    {
        ["image"] = OpenTelemetryCollector.Image,
        ["security_opt"] = new List<string> { "no-new-privileges:true" },
        ["cap_drop"] = new List<string> { "ALL" },
        ["restart"] = "unless-stopped",
    };

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
