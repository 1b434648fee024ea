using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Networking;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Orchestration;

/// <summary>
/// Runs the app model: validates it, allocates ports, starts every instance as soon as what it waits for is healthy
/// (independent ones in parallel), monitors health, executes commands and stops everything in reverse order.
/// All state goes out as snapshots through <see cref="ResourceNotificationService"/>.
/// </summary>
public sealed partial class ApplicationOrchestrator : IAsyncDisposable
{
    private readonly DistributedApplicationModel _model;
    private readonly DistributedApplicationOptions _options;
    private readonly DistributedApplicationExecutionContext _executionContext;
    private readonly ResourceNotificationService _notifications;
    private readonly ResourceLoggerService _logs;
    private readonly Dictionary<string, INativeServerRecipe> _recipes;
    private readonly List<ResourceInstance> _instances = [];
    private readonly CancellationTokenSource _lifetime = new();
    private readonly List<Task> _startTasks = [];
    private readonly HttpClient _healthClient = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly string _ephemeralRoot;
    private readonly Lock _hostGate = new();
    private ChildProcessHost? _host;
    private PortAllocator? _ports;
    private int _stopped;

    public ApplicationOrchestrator(
        DistributedApplicationModel model,
        DistributedApplicationOptions options,
        DistributedApplicationExecutionContext executionContext,
        ResourceNotificationService notifications,
        ResourceLoggerService logs,
        IEnumerable<INativeServerRecipe> recipes)
    {
        _model = model;
        _options = options;
        _executionContext = executionContext;
        _notifications = notifications;
        _logs = logs;
        // Later registrations win, so a test can swap in a recipe for one kind.
        _recipes = recipes.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        InstanceId = $"{options.AppHostName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();
        _ephemeralRoot = Path.Combine(Path.GetTempPath(), "aspiremicro-run", InstanceId);
    }

    /// <summary>Unique per AppHost run; children carry it in <c>ASPIREMICRO_INSTANCE</c>.</summary>
    public string InstanceId { get; }

    /// <summary>Set before <see cref="StartAsync"/> when the dashboard runs.</summary>
    public OtlpSettings? Otlp { get; set; }

    public PortAllocator Ports => _ports ??= new PortAllocator();

    /// <summary>Starts every child (services, servers and the dashboard); disposed, it kills any that are left.</summary>
    internal ChildProcessHost Host
    {
        get
        {
            lock (_hostGate)
            {
                return _host ??= new ChildProcessHost(InstanceId);
            }
        }
    }

    /// <summary>
    /// Validates everything that can be checked up front (model, parameters, installed binaries, fixed ports) and
    /// allocates ports. Throws <see cref="DistributedApplicationException"/> (one line naming the resource) before anything started.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        ModelValidator.Validate(_model);
        StaleRunSweeper.Sweep(Path.GetDirectoryName(_ephemeralRoot)!);
        await ResolveParametersAsync(cancellationToken);
        EnsurePrerequisites();
        AllocatePorts();
        CreateInstances();
    }

    /// <summary>Launches the start of every instance; each starts as soon as what it waits for is healthy. Does not wait for health.</summary>
    public void Launch()
    {
        foreach (var instance in _instances)
        {
            _startTasks.Add(Task.Run(() => StartWhenDependenciesHealthyAsync(instance, _lifetime.Token), CancellationToken.None));
        }

        RestorePriorityWhenBackingStoresUp();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        Launch();
    }

    private IEnumerable<INativeServerResource> NativeServers => _model.Resources.OfType<INativeServerResource>();

    private async Task ResolveParametersAsync(CancellationToken cancellationToken)
    {
        var parameters = _model.Resources.OfType<ParameterResource>()
            .Concat(NativeServers.Select(s => s.PasswordParameter))
            .Concat(_model.Resources.OfType<ConnectionStringResource>().Select(c => c.Value));
        foreach (var parameter in parameters.Distinct())
        {
            await parameter.GetValueAsync(cancellationToken);
        }
    }

    private void EnsurePrerequisites()
    {
        foreach (var server in NativeServers)
        {
            try
            {
                Recipe(server).EnsureInstalled();
            }
            catch (MissingPrerequisiteException ex)
            {
                throw new DistributedApplicationException($"Resource '{server.Name}': {ex.Message}", ex);
            }
        }
    }

    private INativeServerRecipe Recipe(INativeServerResource server) =>
        _recipes.TryGetValue(server.Kind, out var recipe)
            ? recipe
            : throw new DistributedApplicationException($"Resource '{server.Name}': no native recipe for kind '{server.Kind}'.");

    private void AllocatePorts()
    {
        foreach (var resource in _model.Resources.OfType<IResourceWithEndpoints>())
        {
            var replicas = resource.GetReplicaCount();
            foreach (var endpoint in resource.GetEndpointAnnotations())
            {
                endpoint.ClearAllocatedEndpoints();
                for (var i = 0; i < replicas; i++)
                {
                    var port = AllocatePort(resource, endpoint, fixedPort: i == 0 && !_options.RandomizePorts ? endpoint.Port : null);
                    var scheme = endpoint.Scheme == "tcp" ? "tcp" : endpoint.Scheme;
                    endpoint.SetAllocatedEndpoint(i, new AllocatedEndpoint(scheme, "127.0.0.1", port));
                }
            }
        }
    }

    private int AllocatePort(IResource resource, EndpointAnnotation endpoint, int? fixedPort)
    {
        if (fixedPort is not { } port)
        {
            return Ports.Allocate();
        }

        try
        {
            Ports.Reserve(port);
            return port;
        }
        catch (PortInUseException ex)
        {
            throw new DistributedApplicationException($"Resource '{resource.Name}': endpoint '{endpoint.Name}' cannot use port {port}: {ex.Message}", ex);
        }
    }

    private void CreateInstances()
    {
        foreach (var resource in _model.Resources.Where(r => r is ProjectResource or ExecutableResource or INativeServerResource or PostgresDatabaseResource))
        {
            var replicas = resource.GetReplicaCount();
            for (var i = 0; i < replicas; i++)
            {
                var instance = new ResourceInstance(resource, replicas > 1 ? $"{resource.Name}-{i}" : resource.Name, i, replicas);
                _instances.Add(instance);
                var endpoints = resource.GetEndpointAnnotations()
                    .Select(e => e.AllocatedEndpoints.GetValueOrDefault(i) is { } a ? new EndpointSnapshot(e.Name, a.Url) : null)
                    .OfType<EndpointSnapshot>();
                _notifications.Publish(instance.Name, s => s, new ResourceSnapshot
                {
                    Name = instance.Name,
                    DisplayName = resource.Name,
                    ResourceType = instance.ResourceType,
                    ReplicaIndex = i,
                    ReplicaCount = replicas,
                    Endpoints = [.. endpoints],
                    WaitsFor = [.. resource.GetWaitTargets().Select(t => t.Name).Distinct()],
                });
            }
        }
    }

    private ResourceInstance? FindServerInstance(IResource server) => _instances.FirstOrDefault(i => ReferenceEquals(i.Resource, server));

    private void SystemLog(ResourceInstance instance, string text) =>
        _logs.Append(instance.Name, DateTimeOffset.UtcNow, "stderr", $"[aspiremicro] {text}");

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _healthClient.Dispose();
        _lifetime.Dispose();
    }
}
